using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>E-mails the provider refused for good: listed for finance, who can send them again once the cause is fixed.</summary>
public static class OutboxApi
{
    public static void MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outbox").WithTags("Outbox");
        group.MapGet("/failed", Failed).WithName("FailedOutboxItems").RequireRoles(CommandRoutes.Read);
        group.MapPost("/{dossierId}/{itemId}/retry", Retry).WithName("RetryOutboxItem").RequireRoles(CommandRoutes.RetryMail);
    }

    public static async Task<Results<Ok<List<FailedView>>, ApiProblem>> Failed(HttpContext context, [AsParameters] ApiServices services)
    {
        var failed = await services.Store.FindFailedOutboxAsync(200, context.RequestAborted, CurrentAuthority.Of(context));
        return TypedResults.Ok(failed.Select(FailedView.Of).ToList());
    }

    public static async Task<Results<Ok<RetriedView>, ApiProblem>> Retry(string dossierId, string itemId, HttpContext context, [AsParameters] ApiServices services)
    {
        // Another authority's dossier is not found, as on every dossier route.
        if (await services.Dossiers.GetAsync(dossierId, ApiIdentity.Caller(context), context.RequestAborted) is { IsOk: false } unseen)
        {
            return ApiProblems.From(unseen.Refusals);
        }

        var sent = await services.Outbox.RetryAsync(dossierId, itemId, context.RequestAborted);
        return sent
            ? TypedResults.Ok(new RetriedView(dossierId, itemId, sent))
            : ApiProblems.From([Refusal.WrongStage("outbox.retry-failed", "Envoi du courriel", "Le courriel n'a pas pu être envoyé (ou n'existe plus) ; consultez la liste des envois en échec.")]);
    }

    /// <summary>The item sent again.</summary>
    public sealed record RetriedView(string DossierId, string ItemId, bool Sent);

    /// <summary>A failed item as people read it: for a mail, its recipients and subject rather than its JSON.</summary>
    public sealed record FailedView(string DossierId, string ItemId, string Kind, string? Subject, IReadOnlyList<string> To, string Reason, DateTimeOffset FailedAt)
    {
        public static FailedView Of(FailedOutboxItem f)
        {
            var mail = f.Item.Kind == OutboxKinds.Mail ? DomainJson.Deserialize<OutgoingMail>(f.Item.Json) : null;
            return new FailedView(f.DossierId, f.Item.Id, f.Item.Kind, mail?.Subject, mail?.To ?? [], f.Reason, f.FailedAt);
        }
    }
}
