namespace Approvals.Server;

/// <summary>Runs a piece of background work now and then every interval; a failed round is logged and the next one tries again.</summary>
public static class Periodically
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider time, ILogger logger, string what, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{What} failed; the next round tries again", what);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
