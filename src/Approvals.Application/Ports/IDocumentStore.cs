using Approvals.Domain;

namespace Approvals.Application;

/// <summary>The dossiers' documents: checked by name, content and size before anything is kept, streamed, never buffered whole.</summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores the file, or refuses it (name, type, size) leaving nothing behind. The blob is stored unconfirmed until
    /// <see cref="ConfirmAsync"/>: if the process dies before the dossier records it, the orphan sweep finds it.
    /// </summary>
    Task<Result<StoredDocument>> UploadAsync(string dossierId, string kind, string fileName, Stream content, CancellationToken cancellationToken);

    /// <summary>Marks the document as recorded by its dossier: the orphan sweep no longer looks at it.</summary>
    Task ConfirmAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Documents stored before <paramref name="storedBefore"/> and never confirmed (blob names).</summary>
    Task<IReadOnlyList<string>> FindUnconfirmedAsync(DateTimeOffset storedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Deletes the document; deleting one already gone is not an error.</summary>
    Task DeleteAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>A read-only link valid for <paramref name="lifetime"/> (or less, under a managed identity: see the adapter).</summary>
    Task<Uri> GetReadLinkAsync(string blobName, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Tags every document of the dossier with its retention date (<c>retainUntil</c>) and the dossier id.</summary>
    Task SetRetentionAsync(string dossierId, DateOnly retainUntil, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string blobName, CancellationToken cancellationToken);
}
