using Approvals.Domain;

namespace Approvals.Application;

/// <summary>The dossiers' documents: checked by name, content and size before anything is kept, streamed, never buffered whole.</summary>
public interface IDocumentStore
{
    /// <summary>Stores the file, or refuses it (name, type, size) leaving nothing behind.</summary>
    Task<Result<StoredDocument>> UploadAsync(string dossierId, string kind, string fileName, Stream content, CancellationToken cancellationToken);

    /// <summary>Deletes the document; deleting one already gone is not an error.</summary>
    Task DeleteAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>A read-only link valid for <paramref name="lifetime"/>.</summary>
    Uri GetReadLink(string blobName, TimeSpan lifetime);

    /// <summary>Tags every document of the dossier with its retention date (<c>retainUntil</c>) and the dossier id.</summary>
    Task SetRetentionAsync(string dossierId, DateOnly retainUntil, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string blobName, CancellationToken cancellationToken);
}
