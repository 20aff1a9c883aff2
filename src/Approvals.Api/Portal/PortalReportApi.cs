using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// The final report on the portal: where it stands, its filing (the agents' <c>ReceiveReport</c> carrying the
/// CERFA n°15059 financial report and the activity report, received today in Paris) and its documents. Each handler
/// checks the portal session and answers 404 for a dossier the address did not submit, as <see cref="PortalApi"/> does.
/// </summary>
public static class PortalReportApi
{
    /// <summary>The documents filed with the report: the signed financial report and the activity report.</summary>
    public static IReadOnlyList<DocumentKind> DocumentKinds { get; } = [DocumentKind.FinancialReport, DocumentKind.ActivityReport];

    public static void MapPortalReportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal/dossiers/{id}/report").WithTags("Portail des bénéficiaires").AllowAnonymous();
        group.MapGet("", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => Get(id, c, a, p)).WithName("PortalGetReport");
        group.MapPost("", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => File(id, c, a, p))
            .WithName("PortalFileReport").Accepts<FinalReport>("application/json");
        group.MapPost("/documents", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => Upload(id, c, a, p))
            .WithName("PortalUploadReportDocument").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
    }

    public static async Task<IResult> Get(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (state, denied) = await PortalApi.OwnDossierAsync(id, context, services, portal);
        return denied ?? Results.Json(PublicReport.Of(id, state!, FrenchCalendar.ParisDate(services.Time.GetUtcNow())), DomainJson.Options);
    }

    /// <summary>
    /// Files the report: refused with 422 after its due day (the portal's rule; agents may still record a late report),
    /// with the decider's 409 at another stage than "payment requested", and with 422 naming each field the report's
    /// rules refuse. Accepted, it is the agents' <c>ReceiveReport</c>, on the realised charges.
    /// </summary>
    public static async Task<IResult> File(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (state, denied) = await PortalApi.OwnDossierAsync(id, context, services, portal);
        if (denied is not null)
        {
            return denied;
        }

        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var body = await DossiersApi.ReadBodyAsync(context, typeof(FinalReport));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var now = services.Time.GetUtcNow();
        var today = FrenchCalendar.ParisDate(now);
        var report = (FinalReport)body.Value!;
        if (Transitions.Allows(state!.Stage, nameof(DossierCommand.ReceiveReport)) && FinalReportRules.OnTime(state, today) is { } late)
        {
            return ApiProblems.From([late]);
        }

        var idempotency = headers!.IdempotencyKey is { } key ? IdempotentRequest.Of(key, "POST", $"/api/portal/dossiers/{id}/report", report) : null;
        var command = new DossierCommand.ReceiveReport(today, report.Financial?.RealisedCosts ?? 0m) { Report = report };
        var outcome = await services.Dossiers.HandleAsync(id, command, PortalApi.Actor(PortalSession.Address(context, now)!), context.RequestAborted, idempotency: idempotency);
        ApprovalsTelemetry.CommandHandled("PortalFileReport", outcome.IsOk ? null : outcome.Refusals);
        return outcome.IsOk ? Results.Json(PublicReport.Of(id, outcome.Unwrap().State, today), DomainJson.Options) : ApiProblems.From(outcome.Refusals);
    }

    /// <summary>The report's documents, through the agents' upload code (streamed, type sniffed, size limit, SHA-256 in the register).</summary>
    public static async Task<IResult> Upload(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (_, denied) = await PortalApi.OwnDossierAsync(id, context, services, portal);
        return denied ?? await DocumentsApi.UploadAsAsync(id, PortalApi.Actor(PortalSession.Address(context, services.Time.GetUtcNow())!), DocumentKinds, context, services);
    }
}
