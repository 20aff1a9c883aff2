using Microsoft.Extensions.Logging;

namespace Approvals.Application;

/// <summary>
/// Deletes documents whose upload never reached the dossier (the process died between storing the blob and committing
/// the command), and confirms those that did but were not marked (it died just after the commit). Only blobs older
/// than <see cref="MinimumAge"/> are looked at: no upload and its command take that long.
/// </summary>
public sealed class OrphanDocumentSweep(IDocumentStore documents, DossierService dossiers, TimeProvider time, ILogger<OrphanDocumentSweep> logger)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    /// <summary>Returns how many orphans were deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var blobName in await documents.FindUnconfirmedAsync(time.GetUtcNow() - MinimumAge, 500, cancellationToken))
        {
            // Blob names start with the dossier id ({dossierId}/{kind}/…).
            var dossier = await dossiers.GetAsync(blobName[..Math.Max(blobName.IndexOf('/', StringComparison.Ordinal), 0)], cancellationToken);
            if (dossier.IsOk && dossier.Unwrap().State.Documents.Any(d => d.BlobName == blobName))
            {
                await documents.ConfirmAsync(blobName, cancellationToken);
            }
            else
            {
                logger.LogInformation("Orphan document {BlobName} deleted: its dossier never recorded it", blobName);
                await documents.DeleteAsync(blobName, cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }
}
