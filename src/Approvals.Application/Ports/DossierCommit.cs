namespace Approvals.Application;

/// <summary>
/// Everything one command writes, all or nothing: the new snapshot, its summary, the new register entries and the
/// outbox items. <paramref name="ExpectedETag"/> is the ETag the snapshot was loaded with, or null for a new dossier.
/// </summary>
public sealed record DossierCommit(
    string DossierId,
    string? ExpectedETag,
    long Version,
    string SnapshotJson,
    string LastHash,
    DossierSummary Summary,
    IReadOnlyList<RegisterEntry> Events,
    IReadOnlyList<OutboxItem> Outbox);
