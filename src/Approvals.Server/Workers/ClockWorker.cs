using Approvals.Application;

namespace Approvals.Server;

/// <summary>The deadline clock of the self-hosted server: one tick every <c>Clock:Interval</c> (a minute by default) unless <c>Clock:Enabled</c> is false.</summary>
public sealed class ClockWorker(DeadlineClock clock, IConfiguration configuration, TimeProvider time, ILogger<ClockWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Clock:Enabled", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(configuration.GetValue("Clock:Interval", TimeSpan.FromMinutes(1)), time);
        do
        {
            try
            {
                var fired = await clock.TickAsync(stoppingToken);
                if (fired > 0)
                {
                    logger.LogInformation("Clock fired {Count} deadline(s)", fired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Clock tick failed; the next tick tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
