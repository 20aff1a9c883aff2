namespace Approvals.Bench;

/// <summary>
/// The server's clock, set by the bench. Unlike FakeTimeProvider it may go back: each scenario replays the seed's
/// 2022 dates from the start, in rounds.
/// </summary>
public sealed class SettableTime(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref ticks, now.UtcTicks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    /// <summary>An instant given as Paris wall-clock time (summer: UTC+2, winter: UTC+1).</summary>
    public static DateTimeOffset Paris(int year, int month, int day, int hour = 10) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1)).ToUniversalTime();
}
