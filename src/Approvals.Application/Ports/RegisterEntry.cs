namespace Approvals.Application;

/// <summary>One event of a dossier's append-only register, chained to the previous one by <paramref name="PreviousHash"/>.</summary>
public sealed record RegisterEntry(
    string DossierId,
    long Sequence,
    string Type,
    string Json,
    string Actor,
    DateTimeOffset RecordedAt,
    string PreviousHash,
    string Hash);
