namespace Approvals.Storage.Tests;

/// <summary>Samples the process's managed heap and working set in the background and keeps the peak growth over the start.</summary>
internal sealed class MemoryPeak
{
    private readonly long managedAtStart;
    private readonly long workingSetAtStart;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long managedPeak;
    private long workingSetPeak;

    private MemoryPeak()
    {
        managedAtStart = GC.GetTotalMemory(forceFullCollection: true);
        workingSetAtStart = Environment.WorkingSet;
        managedPeak = managedAtStart;
        workingSetPeak = workingSetAtStart;
        sampling = Task.Run(SampleAsync);
    }

    public long ManagedGrowth => managedPeak - managedAtStart;

    public long WorkingSetGrowth => workingSetPeak - workingSetAtStart;

    public static MemoryPeak Start() => new();

    /// <summary>Stops sampling; the growth properties then hold the peaks seen.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await sampling;
        Sample();
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(10, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Sample()
    {
        managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(forceFullCollection: false));
        workingSetPeak = Math.Max(workingSetPeak, Environment.WorkingSet);
    }
}
