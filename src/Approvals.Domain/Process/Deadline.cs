namespace Approvals.Domain;

/// <summary>
/// Something the clock must wake up for. <paramref name="Day"/> is the Paris date of the last day (for a reminder,
/// the day it goes out); <paramref name="DueAt"/> the UTC instant it is reached. A reminder names the deadline it
/// announces and how many days before it goes out.
/// </summary>
public sealed record Deadline(
    string Id,
    DeadlineKind Kind,
    DateOnly Day,
    DateTimeOffset DueAt,
    DeadlineKind? RemindsOf = null,
    DateOnly? RemindsOfDay = null,
    int? DaysBefore = null);
