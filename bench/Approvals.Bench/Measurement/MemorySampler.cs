namespace Approvals.Bench;

/// <summary>
/// Samples the process's managed heap and working set in the background and keeps their peaks above a start line. The
/// heap's peak counts garbage the collector has not yet reclaimed (how much it lets pile up is its own budget), so the
/// sampler also counts what was allocated, the collections that ran, and the heap each of them left: the live set.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly long startHeap;
    private readonly long startWorkingSet;
    private readonly long startAllocated;
    private readonly int startCollections;
    private long peakHeap;
    private long peakAfterCollection;
    private long peakWorkingSet;

    private MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        startHeap = GC.GetTotalMemory(false);
        startWorkingSet = Environment.WorkingSet;
        startAllocated = GC.GetTotalAllocatedBytes(precise: true);
        startCollections = GC.CollectionCount(0);
        peakHeap = startHeap;
        peakAfterCollection = startHeap;
        peakWorkingSet = startWorkingSet;
        loop = Task.Run(SampleAsync);
    }

    public double HeapGrowthMb => (Interlocked.Read(ref peakHeap) - startHeap) / 1048576.0;

    public double WorkingSetGrowthMb => (Interlocked.Read(ref peakWorkingSet) - startWorkingSet) / 1048576.0;

    public double AllocatedMb => (GC.GetTotalAllocatedBytes(precise: true) - startAllocated) / 1048576.0;

    /// <summary>Collections (of any generation) since the start.</summary>
    public int Collections => GC.CollectionCount(0) - startCollections;

    /// <summary>The largest heap a collection since the start left, above the start line: 0 when none ran.</summary>
    public double LiveGrowthMb => Math.Max(0, Interlocked.Read(ref peakAfterCollection) - startHeap) / 1048576.0;

    public static MemorySampler Start() => new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(5, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Sample();
    }

    private void Sample()
    {
        Max(ref peakHeap, GC.GetTotalMemory(false));
        Max(ref peakWorkingSet, Environment.WorkingSet);
        if (Collections > 0)
        {
            var last = GC.GetGCMemoryInfo(GCKind.Any);
            Max(ref peakAfterCollection, last.HeapSizeBytes - last.FragmentedBytes);
        }
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
