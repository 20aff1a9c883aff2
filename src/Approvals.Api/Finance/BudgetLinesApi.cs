using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// Budget lines of the caller's current authority: where each stands (voted, committed, paid, recovered, available) and
/// their registration by finance. Another authority's lines are neither listed nor written.
/// </summary>
public static class BudgetLinesApi
{
    public static void MapBudgetLinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/budget-lines").WithTags("Budget");
        group.MapGet("/", List).WithName("ListBudgetLines").RequireRoles(CommandRoutes.Read);
        group.MapGet("/{year:int}/{code}", Get).WithName("GetBudgetLine").RequireRoles(CommandRoutes.Read);
        group.MapPost("/rebuild", Rebuild).WithName("RebuildBudgetLedger").RequireRoles(FinanceApi.ManageBudget);
        group.MapPut("/{year:int}/{code}", Put).WithName("PutBudgetLine").RequireRoles(FinanceApi.ManageBudget);
    }

    public static async Task<Ok<List<BudgetLineView>>> List(HttpContext context, [AsParameters] FinanceServices services, int? year)
    {
        // The ledger's rows, one per line: no dossier is read (lines only known from dossiers are not listed).
        var lines = await services.Lines.ListBalancesAsync(year, context.RequestAborted, CurrentAuthority.Of(context));
        return TypedResults.Ok(lines.Where(l => l.Registered).Select(View).ToList());
    }

    /// <summary>One registered line of the current authority; another authority's answers 404, as a line that does not exist.</summary>
    public static async Task<Results<Ok<BudgetLineView>, ApiProblem>> Get(int year, string code, HttpContext context, [AsParameters] FinanceServices services)
    {
        var normalised = BudgetLineCodes.Normalise(code);
        var line = await services.Lines.FindAsync(year, normalised, context.RequestAborted, CurrentAuthority.Of(context));
        return line is { Registered: true }
            ? TypedResults.Ok(View(line))
            : ApiProblems.From([new Refusal(RefusalKind.NotFound, "budget-line.not-found", "Ligne budgétaire existante", "code",
                $"La ligne budgétaire {normalised} de l'exercice {year} n'existe pas.")]);
    }

    /// <summary>Recomputes the totals of every line of the authority from its dossiers (after a restore, or to check the ledger), then lists the lines.</summary>
    public static async Task<Ok<List<BudgetLineView>>> Rebuild(HttpContext context, [AsParameters] FinanceServices services)
    {
        await services.Ledger.RebuildAsync(context.RequestAborted, CurrentAuthority.Of(context));
        return await List(context, services, null);
    }

    public static async Task<Results<Ok<BudgetLineView>, ApiProblem>> Put(
        int year, string code, JsonBody<BudgetLineBody> body, HttpContext context, [AsParameters] FinanceServices services)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var (label, voted, aidScheme) = body.Value!;
        var line = new BudgetLineRecord(year, BudgetLineCodes.Normalise(code), label.Trim(), voted, string.IsNullOrWhiteSpace(aidScheme) ? null : aidScheme.Trim());
        var refusals = BudgetLineRules.Check(line);
        if (refusals.Count > 0)
        {
            return ApiProblems.From(refusals);
        }

        var authorityId = CurrentAuthority.Of(context);
        await services.Lines.UpsertAsync(line, context.RequestAborted, authorityId);
        return TypedResults.Ok(View((await services.Lines.FindAsync(line.Year, line.Code, context.RequestAborted, authorityId))!));
    }

    private static BudgetLineView View(BudgetLineBalance line) =>
        new(line.Year, line.Code, line.Label, line.Voted!.Value, line.Committed, line.Paid, line.Recovered, line.Available, line.Dossiers, line.Reserved, line.AidScheme);

    /// <summary>The body of <c>PUT /api/budget-lines/{year}/{code}</c>; <paramref name="AidScheme"/> is optional.</summary>
    public sealed record BudgetLineBody(string Label, decimal Voted, string? AidScheme = null);

    /// <summary>A line as its ledger row has it; <paramref name="Reserved"/> is held by votes being committed (counted in <paramref name="Available"/>).</summary>
    public sealed record BudgetLineView(
        int Year, string Code, string Label, decimal Voted, decimal Committed, decimal Paid, decimal Recovered, decimal Available, int Dossiers, decimal Reserved,
        string? AidScheme);
}
