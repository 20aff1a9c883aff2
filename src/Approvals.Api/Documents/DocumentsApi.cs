using System.Security.Cryptography;
using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Approvals.Api;

/// <summary>
/// Documents: a streamed multipart upload (never buffered whole: the file section goes straight to blob storage
/// through the hashing, size-limiting and type-sniffing stream), the list, and downloads through a short-lived link.
/// </summary>
public static class DocumentsApi
{
    /// <summary>Room for the multipart envelope and the other form fields around the file.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers/{id}/documents").WithTags("Documents");
        group.MapPost("/", Upload).WithName("UploadDocument").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .RequireRoles(CommandRoutes.Documents);
        group.MapGet("/", List).WithName("ListDocuments").RequireRoles(CommandRoutes.Read);
        group.MapGet("/{documentId}", Download).WithName("DownloadDocument").RequireRoles(CommandRoutes.Read);
    }

    public static async Task<IResult> Upload(string id, HttpContext context, [AsParameters] ApiServices services)
    {
        var (actor, denied) = ApiIdentity.Authorize(context, CommandRoutes.Documents);
        if (denied is not null)
        {
            return denied;
        }

        return await UploadAsAsync(id, actor!, null, context, services);
    }

    /// <summary>The upload itself, for an actor already authorised; the portal limits it to the <paramref name="kinds"/> a beneficiary sends.</summary>
    public static async Task<IResult> UploadAsAsync(string id, Actor actor, IReadOnlyCollection<DocumentKind>? kinds, HttpContext context, ApiServices services)
    {
        var limit = services.Options.MaxUploadBytes + EnvelopeBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            return ApiProblems.From([TooLarge(services.Options.MaxUploadBytes)]);
        }

        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return ApiProblems.UnsupportedMediaType("multipart/form-data");
        }

        var dossier = await services.Dossiers.GetAsync(id, actor, context.RequestAborted);
        if (!dossier.IsOk)
        {
            return ApiProblems.From(dossier.Refusals);
        }

        try
        {
            return await ReadAndStoreAsync(id, actor, kinds, headers!.IdempotencyKey, new MultipartReader(boundary, context.Request.Body), context, services);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.From([TooLarge(services.Options.MaxUploadBytes)]);
        }
    }

    public static async Task<IResult> List(string id, HttpContext context, [AsParameters] ApiServices services)
    {
        if (ApiIdentity.Authorize(context, CommandRoutes.Read).Denied is { } denied)
        {
            return denied;
        }

        var dossier = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        return dossier.IsOk
            ? Results.Json(dossier.Unwrap().State.Documents.Select(View).ToList(), DomainJson.Options)
            : ApiProblems.From(dossier.Refusals);
    }

    public static async Task<IResult> Download(string id, string documentId, HttpContext context, [AsParameters] ApiServices services)
    {
        if (ApiIdentity.Authorize(context, CommandRoutes.Read).Denied is { } denied)
        {
            return denied;
        }

        var dossier = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        if (!dossier.IsOk)
        {
            return ApiProblems.From(dossier.Refusals);
        }

        var document = dossier.Unwrap().State.Documents.FirstOrDefault(d => d.DocumentId == documentId);
        return document is null
            ? ApiProblems.From([new Refusal(RefusalKind.NotFound, "document.not-found", "Document existant", "documentId", $"Le document {documentId} n'existe pas dans ce dossier.")])
            : Results.Redirect((await services.Documents.GetReadLinkAsync(document.BlobName, services.Options.DownloadLinkLifetime, context.RequestAborted)).ToString());
    }

    private static async Task<IResult> ReadAndStoreAsync(string id, Actor actor, IReadOnlyCollection<DocumentKind>? kinds, string? key, MultipartReader reader, HttpContext context, ApiServices services)
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
            return key is not null && await services.Dossiers.FindRequestAsync(id, key, context.RequestAborted) is { } done
                ? await ReplayAsync(id, new UploadRequest(key, kind.Value, fileName ?? ""), done, section.Body, context, services)
                : await StoreAsync(id, actor, key is null ? null : new UploadRequest(key, kind.Value, fileName ?? ""), kind.Value, fileName ?? "", section.Body, context, services);
        }

        return ApiProblems.From([Refusal.Invalid("document.file", "file", "Fichier joint", "Aucun fichier dans la requête.")]);
    }

    private static async Task<IResult> StoreAsync(
        string id, Actor actor, UploadRequest? upload, DocumentKind kind, string fileName, Stream content, HttpContext context, ApiServices services)
    {
        var stored = await services.Documents.UploadAsync(id, kind.ToString(), fileName, content, context.RequestAborted);
        if (!stored.IsOk)
        {
            return ApiProblems.From(stored.Refusals);
        }

        var document = stored.Unwrap();
        var documentId = document.Sha256[..16];
        var command = new DossierCommand.AttachDocument(documentId, kind, document.FileName, document.ContentType, document.Size, document.Sha256, document.BlobName);
        var outcome = await services.Dossiers.HandleAsync(id, command, actor, context.RequestAborted, idempotency: upload?.Fingerprint(id, document.Sha256));
        if (!outcome.IsOk || outcome.Unwrap().NewEvents.Count == 0)
        {
            // Refused, or the same bytes were already attached: the new copy is not needed.
            await services.Documents.DeleteAsync(document.BlobName, CancellationToken.None);
        }
        else
        {
            // Recorded: no longer a candidate for the orphan sweep (which also confirms it if this never runs).
            await services.Documents.ConfirmAsync(document.BlobName, CancellationToken.None);
        }

        if (!outcome.IsOk)
        {
            return ApiProblems.From(outcome.Refusals);
        }

        var attached = outcome.Unwrap().State.Documents.First(d => d.Sha256 == document.Sha256 && d.Kind == kind);
        return Results.Json(View(attached), DomainJson.Options, statusCode: outcome.Unwrap().NewEvents.Count > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// A retry of an upload already carried out under its key: the bytes are hashed, not stored, and if the request is
    /// the same (kind, file name, SHA-256) the first answer (201 and the document) is given again.
    /// </summary>
    private static async Task<IResult> ReplayAsync(string id, UploadRequest upload, ProcessedRequest done, Stream content, HttpContext context, ApiServices services)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            size += read;
            if (size > services.Options.MaxUploadBytes)
            {
                return ApiProblems.From([TooLarge(services.Options.MaxUploadBytes)]);
            }

            sha256.AppendData(buffer, 0, read);
        }

        var hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
        if (upload.Fingerprint(id, hash).Fingerprint != done.Fingerprint)
        {
            return ApiProblems.From([Refusals.KeyReused]);
        }

        var dossier = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        if (!dossier.IsOk)
        {
            return ApiProblems.From(dossier.Refusals);
        }

        var attached = dossier.Unwrap().State.Documents.First(d => d.Sha256 == hash && d.Kind == upload.Kind);
        return Results.Json(View(attached), DomainJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static DossierView.DocumentView View(DossierEvent.DocumentAttached d) => new(d.DocumentId, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.At);

    /// <summary>What the client sent in an upload, for its idempotency fingerprint: never the blob name the server drew.</summary>
    private sealed record UploadRequest(string Key, DocumentKind Kind, string FileName)
    {
        public IdempotentRequest Fingerprint(string dossierId, string sha256) =>
            IdempotentRequest.Of(Key, "POST", $"/api/dossiers/{dossierId}/documents", new { Kind, FileName, Sha256 = sha256 });
    }

    private static Refusal TooLarge(long limit) =>
        Refusal.Invalid("document.too-large", "file", "Taille maximale des documents", $"Le fichier dépasse la taille maximale de {limit / (1024 * 1024)} Mo.");
}
