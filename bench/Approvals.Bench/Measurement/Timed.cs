using System.Collections.Concurrent;
using System.Diagnostics;

namespace Approvals.Bench;

/// <summary>A timed run of work items by a fixed number of workers: each item's latency, and the whole run's duration.</summary>
public sealed record Timed(IReadOnlyList<double> LatenciesMs, TimeSpan Elapsed)
{
    public double MedianLatencyMs => Stats.Median(LatenciesMs);

    public double PerSecond => LatenciesMs.Count / Elapsed.TotalSeconds;

    /// <summary>
    /// Runs <paramref name="groups"/> with <paramref name="workers"/> workers; the items of one group run one after the
    /// other (the commands of one dossier), the groups in parallel.
    /// </summary>
    public static async Task<Timed> RunAsync<T>(IReadOnlyList<IReadOnlyList<T>> groups, int workers, Func<T, Task> run)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < groups.Count)
            {
                foreach (var item in groups[index])
                {
                    var started = Stopwatch.GetTimestamp();
                    await run(item);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })));
        return new Timed(latencies.ToList(), total.Elapsed);
    }
}
