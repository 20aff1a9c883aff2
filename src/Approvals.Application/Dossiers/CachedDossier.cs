namespace Approvals.Application;

/// <summary>A snapshot as last read or written, with the ETag and last register hash the next commit builds on.</summary>
internal sealed record CachedDossier(string DossierId, Snapshot Snapshot, string? ETag, string LastHash)
{
    public long Version => Snapshot.State.Version;

    public static CachedDossier New(string dossierId) => new(dossierId, Snapshot.Empty, null, RegisterChain.Genesis);
}
