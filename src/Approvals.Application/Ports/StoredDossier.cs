namespace Approvals.Application;

/// <summary>A dossier's current snapshot as stored, with the <paramref name="ETag"/> that guards the next write.</summary>
public sealed record StoredDossier(string DossierId, long Version, string SnapshotJson, string LastHash, string ETag);
