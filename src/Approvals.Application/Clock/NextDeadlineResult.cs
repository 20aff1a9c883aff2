namespace Approvals.Application;

/// <summary>
/// What the orchestration's <c>NextDeadline</c> activity returns. Recorded in the orchestration's history, so it holds
/// an id and an instant, never the dossier or anyone's personal data. <paramref name="DueUtc"/> is a UTC
/// <see cref="DateTime"/> because that is what a durable timer takes. <paramref name="Status"/> is what the clock shows.
/// </summary>
public sealed record NextDeadlineResult(string? DeadlineId, DateTime? DueUtc, bool Completed, ClockStatus? Status = null)
{
    /// <summary>For a dossier that does not exist (any more): nothing to drive.</summary>
    public static NextDeadlineResult Gone { get; } = new(null, null, true);

    public static NextDeadlineResult Of(ClockStep step) => step switch
    {
        ClockStep.Complete => new(null, null, true),
        ClockStep.WaitUntil wait => new(wait.Deadline.Id, wait.Deadline.DueAt.UtcDateTime, false),
        ClockStep.WaitForChange => new(null, null, false),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown clock step."),
    };
}
