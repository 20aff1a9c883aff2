namespace Approvals.Application;

/// <summary>One page of the deadline board, with the board's size and its count per day (every page carries all days).</summary>
public sealed record DeadlinePage(IReadOnlyList<UpcomingDeadline> Items, int Skip, int Take, int Total, bool HasMore, IReadOnlyList<DeadlineDay> Days);
