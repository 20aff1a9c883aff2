using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

using static PortalBodies;

/// <summary>
/// The agents' inbox of requests that came through the portal, to check before instruction: which documents are
/// missing, and the case officer's check (complete, or documents missing with a note).
/// </summary>
public static class PortalInboxApi
{
    public static void MapPortalInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal-inbox").WithTags("Portail des bénéficiaires");
        group.MapGet("/", List).WithName("PortalInbox").RequireRoles(CommandRoutes.Read);
        group.MapPost("/{id}/check", Check).WithName("PortalCheck").RequireRoles(CommandRoutes.Create);
    }

    public static async Task<Ok<List<InboxItem>>> List(HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        var items = new List<InboxItem>();
        var caller = ApiIdentity.Caller(context);
        // Only the requests addressed to the caller's authority: another's is neither read, listed nor checked.
        foreach (var submission in await portal.Store.InboxAsync(caller.AuthorityId, 200, context.RequestAborted))
        {
            if (await services.Dossiers.GetAsync(submission.DossierId, caller, context.RequestAborted) is { IsOk: true } found)
            {
                items.Add(InboxItem.Of(submission, found.Unwrap().State));
            }
        }

        return TypedResults.Ok(items);
    }

    public static async Task<Results<Ok<InboxItem>, ApiProblem>> Check(
        string id, JsonBody<CheckBody> body, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var check = body.Value!;
        var submission = id.Length <= 64 ? await portal.Store.FindSubmissionAsync(id, context.RequestAborted) : null;
        var found = submission is null ? null : await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        if (found is not { IsOk: true })
        {
            return ApiProblems.From([new Refusal(RefusalKind.NotFound, "portal.not-found", "Demande du portail", "id", $"Aucune demande du portail n'a le numéro de dossier {(id.Length > 40 ? id[..40] + "…" : id)}.")]);
        }

        var state = found.Unwrap().State;
        var missing = PortalDocuments.Missing(state);
        var note = (check.Note ?? "").Trim();
        var refusal = !Enum.IsDefined(check.Outcome)
            ? Refusal.Invalid("portal.check", "outcome", "Résultat connu", "Indiquez si la demande est complète ou s'il manque des pièces.")
            : check.Outcome == PortalCheckOutcome.Complete && missing.Count > 0
                ? Refusal.Invalid("portal.check.missing", "outcome", "Complète seulement avec toutes les pièces",
                    "La demande ne peut pas être déclarée complète : il manque " + string.Join(", ", missing.Select(PortalDocuments.Label)) + ".")
                : note.Length > 2000
                    ? Refusal.Invalid("portal.check.note", "note", "Note de 2 000 caractères au plus", "La note dépasse 2 000 caractères.")
                    : null;
        if (refusal is not null)
        {
            return ApiProblems.From([refusal]);
        }

        var saved = new PortalCheck(check.Outcome, note, ApiIdentity.Caller(context).Name, services.Time.GetUtcNow());
        await portal.Store.SaveCheckAsync(id, saved, context.RequestAborted);
        return TypedResults.Ok(InboxItem.Of(submission! with { Check = saved }, state));
    }

    public sealed record InboxItem(
        string DossierId, string Number, DateTimeOffset SubmittedAt, string Address, string BeneficiaryName, string Title, decimal AmountRequested,
        string Stage, IReadOnlyList<string> MissingDocuments, string Status, PortalCheck? Check, DateOnly? ImplicitRejectionDay = null)
    {
        public static InboxItem Of(PortalSubmission submission, Dossier state)
        {
            var missing = PortalDocuments.Missing(state).Select(PortalDocuments.Label).ToList();
            // A request for documents and its answer are newer facts than a check made before them.
            var status = state.DocumentsRequest is not null ? "pièces demandées"
                : state.DocumentsAnswer is { } answer && (submission.Check is null || submission.Check.At < answer.At) ? "pièces reçues"
                : submission.Check?.Outcome switch
                {
                    PortalCheckOutcome.Complete => "complète",
                    PortalCheckOutcome.DocumentsMissing => "pièces manquantes",
                    _ => "à vérifier",
                };
            return new InboxItem(submission.DossierId, submission.Number, submission.SubmittedAt, submission.Address, state.Request!.Beneficiary.Name,
                state.Request.Object, state.Request.AmountRequested, StageLabels.Of(state.Stage), missing, status, submission.Check, ImplicitDecision.RejectionDay(state));
        }
    }
}
