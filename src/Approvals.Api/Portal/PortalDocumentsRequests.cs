using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
        app.MapGroup("/api/portal").WithTags("Portail des bénéficiaires")
            .MapPost("/dossiers/{id}/documents-answer", Answer).WithName("PortalAnswerDocumentsRequest").RequirePortalSession();

    /// <summary>What the beneficiary may upload: the request's documents (CERFA n°12156) and those a pending request asks for.</summary>
    public static IReadOnlyList<DocumentKind> Uploadable(Dossier state) =>
        [.. PortalDocuments.Required.Union(state.DocumentsRequest?.Documents ?? [])];

    public static Task<Results<Ok<PublicDossier>, ApiProblem>> Answer(
        string id, JsonBody<AnswerBody> body, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal) =>
        PortalCommands.HandleAsync(
            new PortalCommand<AnswerBody, PublicDossier>(id, "PortalAnswerDocumentsRequest", "documents-answer",
                (_, answer, _) => Result<DossierCommand>.Ok(new DossierCommand.AnswerDocumentsRequest(answer.Message ?? "")),
                (state, _) => PublicDossier.Of(id, state)),
            body, beneficiary, context, services, portal);

    public sealed record AnswerBody(string? Message = null);
}
