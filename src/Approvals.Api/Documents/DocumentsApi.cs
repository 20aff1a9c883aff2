using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Approvals.Api;

/// <summary>
/// Documents: a streamed multipart upload (never buffered whole: the file section goes straight to blob storage
/// through the hashing, size-limiting and type-sniffing stream), the list, and downloads through a short-lived link.
/// Storing and attaching is the application's <see cref="DocumentUpload"/>; this maps the form and the answer.
/// </summary>
public static class DocumentsApi
{
    /// <summary>Room for the multipart envelope and the other form fields around the file.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers/{id}/documents").WithTags("Documents");
        group.MapPost("/", Upload).WithName("UploadDocument").DisableAntiforgery().RequireRoles(CommandRoutes.Documents);
        group.MapGet("/", List).WithName("ListDocuments").RequireRoles(CommandRoutes.Read);
        group.MapGet("/{documentId}", Download).WithName("DownloadDocument").Produces(StatusCodes.Status302Found).RequireRoles(CommandRoutes.Read);
    }

    public static Task<Results<Created<DossierView.DocumentView>, Ok<DossierView.DocumentView>, ApiProblem>> Upload(
        string id, DocumentForm form, HttpContext context, [AsParameters] ApiServices services, DocumentUpload uploads) =>
        UploadAsAsync(id, ApiIdentity.Caller(context), null, form, context, services, uploads);

    /// <summary>The upload itself, for an actor already authorised; the portal limits it to the <paramref name="kinds"/> a beneficiary sends.</summary>
    public static async Task<Results<Created<DossierView.DocumentView>, Ok<DossierView.DocumentView>, ApiProblem>> UploadAsAsync(
        string id, Actor actor, IReadOnlyCollection<DocumentKind>? kinds, DocumentForm form, HttpContext context, ApiServices services, DocumentUpload uploads)
    {
        var limit = services.Options.MaxUploadBytes + EnvelopeBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            return ApiProblems.From([DocumentUpload.TooLarge(services.Options.MaxUploadBytes)]);
        }

        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        if (form.Problem is not null)
        {
            return form.Problem;
        }

        var dossier = await services.Dossiers.GetAsync(id, actor, context.RequestAborted);
        if (!dossier.IsOk)
        {
            return ApiProblems.From(dossier.Refusals);
        }

        try
        {
            return await ReadAndStoreAsync(id, actor, kinds, headers!.IdempotencyKey, form.Reader!, context, services, uploads);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.From([DocumentUpload.TooLarge(services.Options.MaxUploadBytes)]);
        }
    }

    public static async Task<Results<Ok<List<DossierView.DocumentView>>, ApiProblem>> List(string id, HttpContext context, [AsParameters] ApiServices services)
    {
        var dossier = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        return dossier.IsOk
            ? TypedResults.Ok(dossier.Unwrap().State.Documents.Select(View).ToList())
            : ApiProblems.From(dossier.Refusals);
    }

    public static async Task<Results<RedirectHttpResult, ApiProblem>> Download(string id, string documentId, HttpContext context, [AsParameters] ApiServices services)
    {
        var dossier = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        if (!dossier.IsOk)
        {
            return ApiProblems.From(dossier.Refusals);
        }

        var document = dossier.Unwrap().State.Documents.FirstOrDefault(d => d.DocumentId == documentId);
        return document is null
            ? ApiProblems.From([new Refusal(RefusalKind.NotFound, "document.not-found", "Document existant", "documentId", $"Le document {documentId} n'existe pas dans ce dossier.")])
            : TypedResults.Redirect((await services.Documents.GetReadLinkAsync(document.BlobName, services.Options.DownloadLinkLifetime, context.RequestAborted)).ToString());
    }

    /// <summary>Reads the <c>kind</c> field, then hands the file section to the use case as it streams in.</summary>
    private static async Task<Results<Created<DossierView.DocumentView>, Ok<DossierView.DocumentView>, ApiProblem>> ReadAndStoreAsync(
        string id, Actor actor, IReadOnlyCollection<DocumentKind>? kinds, string? key, MultipartReader reader, HttpContext context, ApiServices services, DocumentUpload uploads)
    {
        DocumentKind? kind = null;
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (!disposition.IsFileDisposition())
            {
                if (disposition.Name.Value == "kind")
                {
                    var text = await new StreamReader(section.Body).ReadToEndAsync(context.RequestAborted);
                    kind = Enum.TryParse<DocumentKind>(text, out var k) && Enum.IsDefined(k) && (kinds is null || kinds.Contains(k)) ? k : null;
                    if (kind is null)
                    {
                        return ApiProblems.From([Refusal.Invalid("document.kind", "kind", "Nature de document connue", $"La nature de document « {text} » n'existe pas.")]);
                    }
                }

                continue;
            }

            if (kind is null)
            {
                return ApiProblems.From([Refusal.Invalid("document.kind", "kind", "Nature de document connue", "Indiquez la nature du document (champ « kind » avant le fichier).")]);
            }

            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            var uploaded = await uploads.UploadAsync(new UploadRequest(id, kind.Value, fileName ?? "", key), section.Body, actor, services.Options.MaxUploadBytes, context.RequestAborted);
            if (!uploaded.IsOk)
            {
                return ApiProblems.From(uploaded.Refusals);
            }

            var (document, created) = uploaded.Unwrap();
            return created ? TypedResults.Created((string?)null, View(document)) : TypedResults.Ok(View(document));
        }

        return ApiProblems.From([Refusal.Invalid("document.file", "file", "Fichier joint", "Aucun fichier dans la requête.")]);
    }

    private static DossierView.DocumentView View(DossierEvent.DocumentAttached d) => new(d.DocumentId, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.At);
}
