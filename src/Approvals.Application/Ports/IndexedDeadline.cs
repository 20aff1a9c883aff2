namespace Approvals.Application;

/// <summary>
/// A deadline the clock must wake up for, filed under its Paris <paramref name="Day"/> in the index of the dossier's
/// authority (<paramref name="AuthorityId"/>; null: the first authority's).
/// </summary>
public sealed record IndexedDeadline(string DossierId, string DeadlineId, string Kind, DateOnly Day, DateTimeOffset DueAt, string? AuthorityId = null);
