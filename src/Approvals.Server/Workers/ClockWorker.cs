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

        await Periodically.RunAsync(configuration.GetValue("Clock:Interval", TimeSpan.FromMinutes(1)), time, logger, "Clock tick", async token =>
        {
            var fired = await clock.TickAsync(token);
            if (fired > 0)
            {
                logger.LogInformation("Clock fired {Count} deadline(s)", fired);
            }
        }, stoppingToken);
    }
}
