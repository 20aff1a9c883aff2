namespace Approvals.Bench;

/// <summary>One figure of a scenario: the median over rounds, the spread (min–max), and the target when it has one.</summary>
public sealed record Metric(string Name, double Median, double Min, double Max, string Unit, string? Target = null, bool? Met = null)
{
    public static Metric Of(string name, IReadOnlyList<double> rounds, string unit, string? target = null, Func<double, bool>? meets = null)
    {
        var median = Stats.Median(rounds);
        return new Metric(name, median, rounds.Min(), rounds.Max(), unit, target, meets?.Invoke(median));
    }

    /// <summary>The ratio of two medians, its spread from the extremes, met when at most <paramref name="target"/>.</summary>
    public static Metric Ratio(string name, IReadOnlyList<double> large, IReadOnlyList<double> small, double target)
    {
        var ratio = Stats.Median(large) / Stats.Median(small);
        return new Metric(name, ratio, large.Min() / small.Max(), large.Max() / small.Min(), "×", $"≤ {target}", ratio <= target);
    }
}
