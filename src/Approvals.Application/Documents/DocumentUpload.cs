using System.Security.Cryptography;
using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The use case "a document for a dossier", the same on both hosts: store the file, attach it to the dossier with the
/// <c>AttachDocument</c> command, and delete the stored copy when the dossier does not record it (refused, or the same
/// bytes already attached). A retry under an <c>Idempotency-Key</c> already carried out is recognised before anything
/// is stored. The hosts only parse the multipart request and map the result to HTTP.
/// </summary>
public sealed class DocumentUpload(IDocumentStore documents, DossierService dossiers)
{
    /// <param name="maxBytes">The upload limit, which the document store enforces too; here for a retry, whose bytes are only hashed.</param>
    public async Task<Result<UploadedDocument>> UploadAsync(UploadRequest request, Stream content, Actor actor, long maxBytes, CancellationToken cancellationToken)
    {
        return request.IdempotencyKey is { } key && await dossiers.FindRequestAsync(request.DossierId, key, cancellationToken) is { } done
            ? await ReplayAsync(request, done, content, actor, maxBytes, cancellationToken)
            : await StoreAndAttachAsync(request, content, actor, cancellationToken);
    }

    public static Refusal TooLarge(long limit) =>
        Refusal.Invalid("document.too-large", "file", "Taille maximale des documents", $"Le fichier dépasse la taille maximale de {limit / (1024 * 1024)} Mo.");

    private async Task<Result<UploadedDocument>> StoreAndAttachAsync(UploadRequest request, Stream content, Actor actor, CancellationToken cancellationToken)
    {
        var stored = await documents.UploadAsync(request.DossierId, request.Kind.ToString(), request.FileName, content, cancellationToken);
        if (!stored.IsOk)
        {
            return Result<UploadedDocument>.Refused(stored.Refusals);
        }

        var document = stored.Unwrap();
        var command = new DossierCommand.AttachDocument(document.Sha256[..16], request.Kind, document.FileName, document.ContentType, document.Size, document.Sha256, document.BlobName);
        // A fault while committing (an exception) leaves the blob: the commit may still land, and the orphan sweep
        // settles it an hour later either way.
        var outcome = await dossiers.HandleAsync(request.DossierId, command, actor, cancellationToken, idempotency: request.Fingerprint(document.Sha256));
        if (!outcome.IsOk || outcome.Unwrap().NewEvents.Count == 0)
        {
            // Refused, or the same bytes were already attached: the new copy is not needed.
            await documents.DeleteAsync(document.BlobName, CancellationToken.None);
        }
        else
        {
            // Recorded: no longer a candidate for the orphan sweep (which also confirms it if this never runs).
            await documents.ConfirmAsync(document.BlobName, CancellationToken.None);
        }

        if (!outcome.IsOk)
        {
            return Result<UploadedDocument>.Refused(outcome.Refusals);
        }

        var attached = outcome.Unwrap().State.Documents.First(d => d.Sha256 == document.Sha256 && d.Kind == request.Kind);
        return Result<UploadedDocument>.Ok(new UploadedDocument(attached, Created: outcome.Unwrap().NewEvents.Count > 0));
    }

    /// <summary>
    /// A retry of an upload already carried out under its key: the bytes are hashed, not stored, and if the request is
    /// the same (kind, file name, SHA-256) the first answer (created, and the document) is given again.
    /// </summary>
    private async Task<Result<UploadedDocument>> ReplayAsync(
        UploadRequest request, ProcessedRequest done, Stream content, Actor actor, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > maxBytes)
            {
                return Result<UploadedDocument>.Refused([TooLarge(maxBytes)]);
            }

            sha256.AppendData(buffer, 0, read);
        }

        var hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
        if (request.Fingerprint(hash)!.Fingerprint != done.Fingerprint)
        {
            return Result<UploadedDocument>.Refused([Refusals.KeyReused]);
        }

        var dossier = await dossiers.GetAsync(request.DossierId, actor, cancellationToken);
        if (!dossier.IsOk)
        {
            return Result<UploadedDocument>.Refused(dossier.Refusals);
        }

        var attached = dossier.Unwrap().State.Documents.First(d => d.Sha256 == hash && d.Kind == request.Kind);
        return Result<UploadedDocument>.Ok(new UploadedDocument(attached, Created: true));
    }
}
