namespace Approvals.Application;

/// <summary>How a command changed what the clock must wake up for: entries to drop from the index and entries to file.</summary>
public sealed record DeadlineChange(IReadOnlyList<IndexedDeadline> Remove, IReadOnlyList<IndexedDeadline> Upsert);
