namespace Approvals.Clock;

/// <summary>
/// The clock's waits. Fixed for the life of a process (orchestrator code must replay the same way). The defaults are
/// the production ones; tests shorten them to seconds because the engines' timers run in real time.
/// </summary>
/// <param name="MaxWait">The longest the clock sleeps without planning again, so that a lost signal heals itself.</param>
/// <param name="FirstRetry">The first retry of a failed activity; then doubled, at most <paramref name="Attempts"/> attempts.</param>
/// <param name="AfterFailure">After an activity failed for good: wait this long and start over, rather than fail.</param>
public sealed record ClockTimings(TimeSpan MaxWait, TimeSpan FirstRetry, int Attempts, TimeSpan AfterFailure)
{
    /// <summary>A day at most between plans; storage faults retried for about ten minutes, then half an hour's rest.</summary>
    public static ClockTimings Default { get; } = new(TimeSpan.FromDays(1), TimeSpan.FromSeconds(15), 6, TimeSpan.FromMinutes(30));
}
