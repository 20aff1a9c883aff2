using Approvals.Domain;

namespace Approvals.Application;

/// <summary>What the client sent with a document: the dossier, the document's nature, its file name and the optional <c>Idempotency-Key</c>.</summary>
public sealed record UploadRequest(string DossierId, DocumentKind Kind, string FileName, string? IdempotencyKey)
{
    /// <summary>The fingerprint of what the client sent, never the blob name the server drew (null without a key).</summary>
    public IdempotentRequest? Fingerprint(string sha256) => IdempotencyKey is { } key
        ? IdempotentRequest.Of(key, "POST", $"/api/dossiers/{DossierId}/documents", new { Kind, FileName, Sha256 = sha256 })
        : null;
}
