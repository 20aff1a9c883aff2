namespace Approvals.Bench;

/// <summary>Samples the process's managed heap and working set in the background and keeps their peaks above a start line.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly long startHeap;
    private readonly long startWorkingSet;
    private long peakHeap;
    private long peakWorkingSet;

    private MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        startHeap = GC.GetTotalMemory(false);
        startWorkingSet = Environment.WorkingSet;
        peakHeap = startHeap;
        peakWorkingSet = startWorkingSet;
        loop = Task.Run(SampleAsync);
    }

    public double HeapGrowthMb => (Interlocked.Read(ref peakHeap) - startHeap) / 1048576.0;

    public double WorkingSetGrowthMb => (Interlocked.Read(ref peakWorkingSet) - startWorkingSet) / 1048576.0;

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
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
