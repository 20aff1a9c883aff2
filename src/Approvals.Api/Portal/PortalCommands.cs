using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approvals.Api;

/// <summary>
/// What every beneficiary's action on their own dossier does around its command, written once: the dossier must be
/// one the session's address submitted (else 404), then the headers, the body, the command under the request's
/// idempotency fingerprint as the beneficiary, the telemetry, and the public view of the result.
/// </summary>
public static class PortalCommands
{
    public static async Task<Results<Ok<TView>, ApiProblem>> HandleAsync<TBody, TView>(
        PortalCommand<TBody, TView> action, JsonBody<TBody> body, PortalBeneficiary beneficiary, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (state, denied) = await PortalApi.OwnDossierAsync(action.DossierId, beneficiary, context, services, portal);
        if (denied is not null)
        {
            return denied;
        }

        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var today = FrenchCalendar.ParisDate(services.Time.GetUtcNow());
        var command = action.Command(state!, body.Value!, today);
        if (!command.IsOk)
        {
            return ApiProblems.From(command.Refusals);
        }

        var idempotency = headers!.IdempotencyKey is { } key
            ? IdempotentRequest.Of(key, "POST", $"/api/portal/dossiers/{action.DossierId}/{action.Segment}", body.Value!)
            : null;
        var outcome = await services.Dossiers.HandleAsync(action.DossierId, command.Unwrap(), beneficiary.Actor, context.RequestAborted, idempotency: idempotency);
        ApprovalsTelemetry.CommandHandled(action.Name, outcome.IsOk ? null : outcome.Refusals);
        return outcome.IsOk ? TypedResults.Ok(action.View(outcome.Unwrap().State, today)) : ApiProblems.From(outcome.Refusals);
    }

    /// <summary>A document for the beneficiary's own dossier, through the agents' upload (streamed, type sniffed, size limit, SHA-256 in the register), of the <paramref name="kinds"/> the dossier lets them send.</summary>
    public static async Task<Results<Created<DossierView.DocumentView>, Ok<DossierView.DocumentView>, ApiProblem>> UploadAsync(
        string id, Func<Dossier, IReadOnlyCollection<DocumentKind>> kinds, DocumentForm form, PortalBeneficiary beneficiary,
        HttpContext context, ApiServices services, PortalServices portal, DocumentUpload uploads)
    {
        var (state, denied) = await PortalApi.OwnDossierAsync(id, beneficiary, context, services, portal);
        return denied is not null ? denied : await DocumentsApi.UploadAsAsync(id, beneficiary.Actor, kinds(state!), form, context, services, uploads);
    }
}
