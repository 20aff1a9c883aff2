namespace Approvals.Application;

/// <summary>A deadline the clock must wake up for, filed under its Paris <paramref name="Day"/>.</summary>
public sealed record IndexedDeadline(string DossierId, string DeadlineId, string Kind, DateOnly Day, DateTimeOffset DueAt);
