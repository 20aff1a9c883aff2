namespace Approvals.Application;

/// <summary>A document kept in blob storage, with what the register records about it.</summary>
public sealed record StoredDocument(string BlobName, string FileName, string ContentType, long Size, string Sha256);
