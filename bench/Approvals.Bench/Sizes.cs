namespace Approvals.Bench;

/// <summary>How much each scenario does: the sizes, or small ones for the <c>--quick</c> smoke run.</summary>
public sealed record Sizes(
    int Commands,
    int Rounds,
    int Workers,
    int ClockDue,
    int ClockSmall,
    int ClockLarge,
    long UploadBytes,
    int LifecycleDossiers,
    int ColdStarts,
    int ReadsSmall,
    int ReadsLarge)
{
    public static Sizes Full { get; } = new(2_000, 5, 8, 500, 1_000, 100_000, 100L * 1024 * 1024, 140, 5, 1_000, 10_000);

    public static Sizes Quick { get; } = new(70, 1, 4, 20, 100, 2_000, 8L * 1024 * 1024, 10, 1, 100, 1_000);
}
