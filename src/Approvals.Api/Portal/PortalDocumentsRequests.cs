using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// The beneficiary's answer to a case officer's request for documents (the request itself is the agents' command
/// <c>POST /api/dossiers/{id}/documents-request</c>): uploaded on the portal, then sent as the <c>AnswerDocumentsRequest</c>
/// command, which the decider accepts once every document asked for is attached since the request.
/// </summary>
public static class PortalDocumentsRequests
{
    public static void MapPortalDocumentsRequests(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/portal").WithTags("Portail des bénéficiaires").AllowAnonymous()
            .MapPost("/dossiers/{id}/documents-answer", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => Answer(id, c, a, p))
            .WithName("PortalAnswerDocumentsRequest").Accepts<AnswerBody>("application/json");

    /// <summary>What the beneficiary may upload: the request's documents (CERFA n°12156) and those a pending request asks for.</summary>
    public static IReadOnlyList<DocumentKind> Uploadable(Dossier state) =>
        [.. PortalDocuments.Required.Union(state.DocumentsRequest?.Documents ?? [])];

    public static async Task<IResult> Answer(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (_, denied) = await PortalApi.OwnDossierAsync(id, context, services, portal);
        if (denied is not null)
        {
            return denied;
        }

        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var body = await DossiersApi.ReadBodyAsync(context, typeof(AnswerBody));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var answer = (AnswerBody)body.Value!;
        var idempotency = headers!.IdempotencyKey is { } key ? IdempotentRequest.Of(key, "POST", $"/api/portal/dossiers/{id}/documents-answer", answer) : null;
        var actor = PortalApi.Actor(PortalSession.Address(context, services.Time.GetUtcNow())!);
        var outcome = await services.Dossiers.HandleAsync(id, new DossierCommand.AnswerDocumentsRequest(answer.Message ?? ""), actor, context.RequestAborted, idempotency: idempotency);
        ApprovalsTelemetry.CommandHandled("PortalAnswerDocumentsRequest", outcome.IsOk ? null : outcome.Refusals);
        return outcome.IsOk ? Results.Json(PublicDossier.Of(id, outcome.Unwrap().State), DomainJson.Options) : ApiProblems.From(outcome.Refusals);
    }

    public sealed record AnswerBody(string? Message = null);
}
