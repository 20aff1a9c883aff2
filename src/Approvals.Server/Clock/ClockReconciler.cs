using Approvals.Clock;
using Microsoft.DurableTask.Client;

namespace Approvals.Server;

/// <summary>
/// At start and then every <c>Clock:ReconcileInterval</c> (a day): restarts the clocks of open dossiers that are
/// missing or failed (<see cref="ClockReconciliation"/>), and purges clocks completed more than
/// <c>Clock:PurgeCompletedAfter</c> ago, whose history nobody reads and which slows the task hub's tables down.
/// </summary>
public sealed class ClockReconciler(ClockReconciliation reconciliation, DurableTaskClient client, ClockEngineOptions options, ILogger<ClockReconciler> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(options.ReconcileInterval, TimeProvider.System, logger, "Clock reconciliation", async token =>
        {
            var started = await reconciliation.RunAsync(client, token);
            var purged = await client.PurgeAllInstancesAsync(
                new PurgeInstancesFilter(null, DateTimeOffset.UtcNow - options.PurgeCompletedAfter, [OrchestrationRuntimeStatus.Completed]), token);
            if (started > 0 || purged.PurgedInstanceCount > 0)
            {
                logger.LogInformation("Clock reconciliation started {Started} clock(s) and purged {Purged} completed one(s)", started, purged.PurgedInstanceCount);
            }
        }, stoppingToken);
}
