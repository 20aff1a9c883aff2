using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// The final report on the portal: where it stands, its filing (the agents' <c>ReceiveReport</c> carrying the
/// CERFA n°15059 financial report and the activity report, received today in Paris) and its documents. Each route
/// requires the portal session and answers 404 for a dossier the address did not submit, as <see cref="PortalApi"/> does.
/// </summary>
public static class PortalReportApi
{
    /// <summary>The documents filed with the report: the signed financial report and the activity report.</summary>
    public static IReadOnlyList<DocumentKind> DocumentKinds { get; } = [DocumentKind.FinancialReport, DocumentKind.ActivityReport];

    public static void MapPortalReportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal/dossiers/{id}/report").WithTags("Portail des bénéficiaires").RequirePortalSession();
        group.MapGet("", Get).WithName("PortalGetReport");
        group.MapPost("", File).WithName("PortalFileReport");
        group.MapPost("/documents", Upload).WithName("PortalUploadReportDocument").DisableAntiforgery();
    }

    public static async Task<Results<Ok<PublicReport>, ApiProblem>> Get(
        string id, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        var (state, denied) = await PortalApi.OwnDossierAsync(id, beneficiary, context, services, portal);
        return denied is not null ? denied : TypedResults.Ok(PublicReport.Of(id, state!, FrenchCalendar.ParisDate(services.Time.GetUtcNow())));
    }

    /// <summary>
    /// Files the report: refused with 422 after its due day (the portal's rule; agents may still record a late report),
    /// with the decider's 409 at another stage than "payment requested", and with 422 naming each field the report's
    /// rules refuse. Accepted, it is the agents' <c>ReceiveReport</c>, on the realised charges.
    /// </summary>
    public static Task<Results<Ok<PublicReport>, ApiProblem>> File(
        string id, JsonBody<FinalReport> body, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal) =>
        PortalCommands.HandleAsync(
            new PortalCommand<FinalReport, PublicReport>(id, "PortalFileReport", "report",
                (state, report, today) => Transitions.Allows(state.Stage, nameof(DossierCommand.ReceiveReport)) && FinalReportRules.OnTime(state, today) is { } late
                    ? late
                    : Result<DossierCommand>.Ok(new DossierCommand.ReceiveReport(today, report.Financial?.RealisedCosts ?? 0m) { Report = report }),
                (state, today) => PublicReport.Of(id, state, today)),
            body, beneficiary, context, services, portal);

    /// <summary>The report's documents, through the agents' upload code (streamed, type sniffed, size limit, SHA-256 in the register).</summary>
    public static Task<Results<Created<DossierView.DocumentView>, Ok<DossierView.DocumentView>, ApiProblem>> Upload(
        string id, DocumentForm form, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal, DocumentUpload uploads) =>
        PortalCommands.UploadAsync(id, _ => DocumentKinds, form, beneficiary, context, services, portal, uploads);
}
