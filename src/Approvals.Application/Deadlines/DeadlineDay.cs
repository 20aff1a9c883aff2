namespace Approvals.Application;

/// <summary>How many deadlines of the board fall on a day, and how many of them are overdue: the board's picture.</summary>
public sealed record DeadlineDay(DateOnly Day, int Count, int Overdue);
