namespace Approvals.Application;

/// <summary>A request already carried out under an <c>Idempotency-Key</c>: its fingerprint and the version it produced.</summary>
public sealed record ProcessedRequest(string Key, string Fingerprint, long Version);
