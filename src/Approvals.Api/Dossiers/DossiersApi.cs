using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace Approvals.Api;

/// <summary>
/// The dossier routes: list, create, read, one POST per command, the register's verification, the vote preview.
/// Named static handlers, mapped here for the server and called as they are by the Function App's triggers.
/// </summary>
public static class DossiersApi
{
    public static RouteGroupBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers").WithTags("Dossiers");
        group.MapGet("/", List).WithName("ListDossiers").RequireRoles(CommandRoutes.Read);
        group.MapPost("/", Create).WithName("CreateDossier").RequireRoles(CommandRoutes.Create);
        group.MapGet("/{id}", Get).WithName("GetDossier").RequireRoles(CommandRoutes.Read);
        group.MapGet("/{id}/register/verify", VerifyRegister).WithName("VerifyRegister").RequireRoles(CommandRoutes.Read);
        foreach (var route in CommandRoutes.All)
        {
            group.MapPost($"/{{id}}/{route.Segment}", (string id, CommandBody body, HttpContext context, [AsParameters] ApiServices services) => Command(id, route, body, context, services))
                .WithName(route.Name)
                .WithSummary(route.Label)
                .WithMetadata(route)
                .Accepts(route.BodyType, "application/json")
                .RequireRoles(route.Roles);
        }

        app.MapPost("/api/votes/preview", PreviewVote).WithTags("Dossiers").WithName("PreviewVote").RequireRoles(CommandRoutes.Read);
        return group;
    }

    public static async Task<Results<Ok<DossierPage>, ApiProblem>> List(
        HttpContext context, [AsParameters] ApiServices services, string? stage, int? year, string? budgetLine, string? beneficiary, string? text, int? skip, int? take)
    {
        if (stage is not null && !Enum.TryParse<DossierStage>(stage, out _))
        {
            return ApiProblems.From([Refusal.Invalid("query.stage", "stage", "Étape connue", $"L'étape « {stage} » n'existe pas.")]);
        }

        var page = Math.Clamp(take ?? 50, 1, 200);
        var from = Math.Max(skip ?? 0, 0);
        var items = await services.Store.QueryAsync(new DossierQuery(stage, year, budgetLine, beneficiary, text, from, page + 1, AuthorityId: CurrentAuthority.Of(context)), context.RequestAborted);
        return TypedResults.Ok(new DossierPage(items.Take(page).Select(DossierListItem.Of).ToList(), from, page, items.Count > page));
    }

    public static async Task<Results<Created<Created>, ApiProblem>> Create(JsonBody<GrantRequest> body, HttpContext context, [AsParameters] ApiServices services)
    {
        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var outcome = await services.Dossiers.CreateAsync(body.Value!, ApiIdentity.Caller(context), headers!.IdempotencyKey, context.RequestAborted);
        ApprovalsTelemetry.CommandHandled("CreateDossier", outcome.IsOk ? null : outcome.Refusals);
        if (!outcome.IsOk)
        {
            return ApiProblems.From(outcome.Refusals);
        }

        var created = outcome.Unwrap();
        return TypedResults.Created($"/api/dossiers/{created.DossierId}", new Created(created.DossierId, created.State.Number!.ToString(), created.Version));
    }

    /// <summary>The dossier view, with its clock as the host's Durable Task client reports it (none where no engine runs).</summary>
    public static async Task<Results<Ok<DossierView>, Ok<Minimal>, ApiProblem>> Get(
        string id, HttpContext context, [AsParameters] ApiServices services, [FromServices] DurableTaskClient? clocks)
    {
        var outcome = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        return outcome.IsOk ? await ViewAsync(context, services, outcome.Unwrap(), clocks) : ApiProblems.From(outcome.Refusals);
    }

    public static async Task<Results<Ok<DossierView>, Ok<Minimal>, ApiProblem>> Command(
        string id, CommandRoute route, CommandBody body, HttpContext context, ApiServices services)
    {
        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        // The fingerprint of what the client sent, taken before the server adds anything (the vote's credits).
        var idempotency = headers!.IdempotencyKey is { } key ? IdempotentRequest.Of(key, "POST", $"/api/dossiers/{id}/{route.Segment}", body.Value!) : null;
        var caller = ApiIdentity.Caller(context);
        var outcome = body.Value is SecretariatVote vote
            ? await services.Votes.RecordAsync(id, vote, caller, context.RequestAborted, headers.ExpectedVersion, idempotency)
            : await services.Dossiers.HandleAsync(id, (DossierCommand)body.Value!, caller, context.RequestAborted, headers.ExpectedVersion, idempotency);
        ApprovalsTelemetry.CommandHandled(route.Name, outcome.IsOk ? null : outcome.Refusals);
        return outcome.IsOk ? await ViewAsync(context, services, outcome.Unwrap()) : ApiProblems.From(outcome.Refusals);
    }

    public static async Task<Results<Ok<RegisterVerification>, ApiProblem>> VerifyRegister(string id, HttpContext context, [AsParameters] ApiServices services)
    {
        var verification = await services.Dossiers.VerifyRegisterAsync(id, context.RequestAborted, ApiIdentity.Caller(context));
        return verification.IsOk ? TypedResults.Ok(verification.Unwrap()) : ApiProblems.From(verification.Refusals);
    }

    public static Results<Ok<VoteCount>, ApiProblem> PreviewVote(JsonBody<VotePreviewBody> body, TimeProvider time)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var preview = body.Value!;
        var rules = VoteRuleBook.For(preview.SessionDate ?? FrenchCalendar.ParisDate(time.GetUtcNow()));
        var count = VoteLaw.Count(preview.Attendance, preview.Tally, preview.SecretBallot, preview.PresidentVotesFor, rules, officers: preview.Officers);
        return count.IsOk ? TypedResults.Ok(count.Unwrap()) : ApiProblems.From(count.Refusals);
    }

    /// <summary>
    /// The dossier view, or with <c>Prefer: return=minimal</c> (RFC 7240) only its id, version and stage. The clock is
    /// read only when <paramref name="clocks"/> is given (the dossier's page), not after each command.
    /// </summary>
    public static async Task<Results<Ok<DossierView>, Ok<Minimal>, ApiProblem>> ViewAsync(
        HttpContext context, ApiServices services, CommandOutcome outcome, DurableTaskClient? clocks = null)
    {
        context.Response.Headers.ETag = $"\"{outcome.Version}\"";
        if (context.Request.Headers["Prefer"].ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(new Minimal(outcome.DossierId, outcome.Version, outcome.State.Stage));
        }

        var register = await services.Dossiers.ReadRegisterAsync(outcome.DossierId, context.RequestAborted);
        var view = DossierView.Of(outcome, register, services.Time.GetUtcNow()) with { Clock = await ClockView.ReadAsync(clocks, outcome.DossierId, context.RequestAborted) };
        return TypedResults.Ok(view);
    }

    public sealed record Minimal(string DossierId, long Version, DossierStage Stage);

    public sealed record Created(string DossierId, string Number, long Version);

    public sealed record DossierListItem(
        string DossierId, string Number, string Stage, string StageLabel, int Year, string BudgetLineCode, string BeneficiaryName,
        string BeneficiarySiret, string Title, decimal AmountRequested, decimal AmountVoted, decimal AmountPaid, DateTimeOffset UpdatedAt)
    {
        public static DossierListItem Of(DossierSummary s) => new(
            s.DossierId, s.Number, s.Stage, StageLabels.Of(Enum.Parse<DossierStage>(s.Stage)), s.Year, s.BudgetLineCode, s.BeneficiaryName,
            s.BeneficiarySiret, s.Title, s.AmountRequested, s.AmountVoted, s.AmountPaid, s.UpdatedAt);
    }

    public sealed record DossierPage(IReadOnlyList<DossierListItem> Items, int Skip, int Take, bool HasMore);
}
