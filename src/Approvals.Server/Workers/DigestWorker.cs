using Approvals.Application;
using Approvals.Domain;
using Cronos;

namespace Approvals.Server;

/// <summary>Sends the daily digest on the cron schedule of <c>Reminders:DigestCron</c>, read in Paris time.</summary>
public sealed class DigestWorker(DigestService digest, ProcessOptions options, TimeProvider time, ILogger<DigestWorker> logger) : BackgroundService
{
    /// <summary>A timer waits at most about 49.7 days: a longer wait (a monthly or yearly digest) is taken a day at a time.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(options.DigestCron);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(time.GetUtcNow(), FrenchCalendar.Paris);
            if (next is null)
            {
                return;
            }

            var wait = next.Value - time.GetUtcNow();
            if (wait > LongestWait)
            {
                await Task.Delay(LongestWait, time, stoppingToken);
                continue;
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
            try
            {
                await digest.SendAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Daily digest failed");
            }
        }
    }
}
