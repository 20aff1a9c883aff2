using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>Multi-year programmes: list, creation, the account year by year and funder by funder, and its chart.</summary>
public static class ProgrammesApi
{
    public static void MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/programmes").WithTags("Programmes");
        group.MapGet("/", List).WithName("ListProgrammes").RequireRoles(CommandRoutes.Read);
        group.MapPost("/", Create).WithName("CreateProgramme").RequireRoles(FinanceApi.ManageProgrammes);
        group.MapGet("/{id}", Get).WithName("GetProgramme").RequireRoles(CommandRoutes.Read);
        group.MapGet("/{id}/chart.svg", Chart).WithName("ProgrammeChart").Produces<string>(StatusCodes.Status200OK, ChartType).RequireRoles(CommandRoutes.Read);
    }

    private const string ChartType = "image/svg+xml";

    public static async Task<Results<Ok<IReadOnlyList<Programme>>, ApiProblem>> List(HttpContext context, [AsParameters] FinanceServices services) =>
        TypedResults.Ok(await services.Programmes.ListAsync(context.RequestAborted, CurrentAuthority.Of(context)));

    public static async Task<Results<Created<Programme>, ApiProblem>> Create(JsonBody<Programme> body, HttpContext context, [AsParameters] FinanceServices services)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var programme = Trimmed(body.Value!) with { AuthorityId = CurrentAuthority.Of(context) };
        var refusals = ProgrammeRules.Check(programme);
        if (refusals.Count > 0)
        {
            return ApiProblems.From(refusals);
        }

        if (!await services.Programmes.AddAsync(programme, context.RequestAborted))
        {
            var message = $"Un programme d'identifiant « {programme.Id} » existe déjà : choisissez un autre identifiant.";
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "programme.exists", "Programme existant", message,
                [new ApiProblems.FieldError("programme.exists", "id", "Identifiant unique", message)]);
        }

        return TypedResults.Created($"/api/programmes/{Uri.EscapeDataString(programme.Id)}", programme);
    }

    public static async Task<Results<Ok<ProgrammeView>, ApiProblem>> Get(string id, HttpContext context, [AsParameters] FinanceServices services)
    {
        var (report, tranches) = await ReportAsync(id, services, context);
        return report is null
            ? ApiProblems.From([NotFound(id)])
            : TypedResults.Ok(
                new ProgrammeView(report.Programme, report.Programme.FirstYear, report.Programme.LastYear, report.Years, report.Funders, report.Totals, report.Issues,
                    tranches.Select(Tranche).ToList()));
    }

    public static async Task<Results<ContentHttpResult, ApiProblem>> Chart(string id, HttpContext context, [AsParameters] FinanceServices services)
    {
        var (report, _) = await ReportAsync(id, services, context);
        return report is null ? ApiProblems.From([NotFound(id)]) : TypedResults.Text(ProgrammeChart.Svg(report), $"{ChartType}; charset=utf-8");
    }

    private static async Task<(ProgrammeReport? Report, IReadOnlyList<Dossier> Tranches)> ReportAsync(string id, FinanceServices services, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var programme = await services.Programmes.FindAsync(id, cancellationToken, CurrentAuthority.Of(context));
        if (programme is null)
        {
            return (null, []);
        }

        var tranches = (await FinanceApi.LoadStatesAsync(services, new DossierQuery(ProgrammeId: id, AuthorityId: programme.AuthorityId), cancellationToken))
            .OrderBy(d => d.Request!.BudgetLine.Year)
            .ToList();
        return (ProgrammeReport.Build(programme, tranches), tranches);
    }

    private static TrancheView Tranche(Dossier d) => new(
        d.Number!.ToString(), d.Request!.BudgetLine.Year, d.Request.Beneficiary.Name, d.Stage, StageLabels.Of(d.Stage), d.AmountVoted, d.AmountPaid);

    private static Programme Trimmed(Programme p) => p with
    {
        Id = p.Id.Trim(),
        Name = p.Name.Trim(),
        Phases = p.Phases.Select(phase => phase with { Label = phase.Label.Trim() }).ToList(),
        Funders = p.Funders.Select(f => f.Trim()).ToList(),
    };

    private static Refusal NotFound(string id) =>
        new(RefusalKind.NotFound, "programme.not-found", "Programme existant", "id", $"Le programme « {id} » n'existe pas.");

    /// <summary>The programme's account (<see cref="ProgrammeReport"/>) and its tranches.</summary>
    public sealed record ProgrammeView(
        Programme Programme,
        int FirstYear,
        int LastYear,
        IReadOnlyList<ProgrammeYear> Years,
        IReadOnlyList<FunderAmounts> Funders,
        ProgrammeAmounts Totals,
        IReadOnlyList<Refusal> Issues,
        IReadOnlyList<TrancheView> Tranches);

    /// <summary>One annual tranche: its dossier (number = id), year, beneficiary, stage and amounts.</summary>
    public sealed record TrancheView(string DossierId, int Year, string BeneficiaryName, DossierStage Stage, string StageLabel, decimal AmountVoted, decimal AmountPaid);
}
