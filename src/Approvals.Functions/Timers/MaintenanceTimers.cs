using Approvals.Application;
using Approvals.Clock;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>
/// The Function App's timers, each the server's background work of the same name handed over in one call. The host
/// runs a timer on one instance at a time. Schedules are in UTC (timer triggers on Flex Consumption ignore
/// <c>WEBSITE_TIME_ZONE</c> on Linux).
/// </summary>
public sealed class MaintenanceTimers(
    DigestService digest,
    BudgetLedger ledger,
    OrphanDocumentSweep orphans,
    OutboxDispatcher outbox,
    BoundClockSignal clock,
    ClockReconciliation clocks,
    ILogger<MaintenanceTimers> logger)
{
    /// <summary>
    /// The daily digest to finance, on <c>Reminders__DigestCron</c> (default <c>0 7 * * 1-5</c>, the server's). The
    /// server reads it in Paris time, this trigger in UTC: it fires at 08:00 (winter) or 09:00 (summer) in Paris. The
    /// digest's key is the Paris date, so a second run on one day is recognisable as a repeat.
    /// </summary>
    [Function(nameof(SendDigest))]
    public Task SendDigest([TimerTrigger("%Reminders:DigestCron%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.SendAsync(cancellationToken);

    /// <summary>Every minute, settles budget reservations that a crash left between a vote's reservation and its commit.</summary>
    [Function(nameof(ReconcileLedger))]
    public async Task ReconcileLedger([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (await ledger.ReconcileAsync(cancellationToken) is > 0 and var settled)
        {
            logger.LogWarning("Budget reconciliation settled {Count} reservation(s)", settled);
        }
    }

    /// <summary>Every hour, deletes documents a recycled instance left stored but never recorded by their dossier.</summary>
    [Function(nameof(SweepOrphanDocuments))]
    public async Task SweepOrphanDocuments([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (await orphans.SweepAsync(cancellationToken) is > 0 and var deleted)
        {
            logger.LogInformation("Orphan document sweep deleted {Count} document(s)", deleted);
        }
    }

    /// <summary>
    /// Every minute, carries out outbox items that no instance dispatched (an instance recycled between commit and
    /// dispatch, a transient fault): it reads the pending-outbox index only and takes the dossiers whose lease has ended.
    /// </summary>
    [Function(nameof(SweepOutbox))]
    public async Task SweepOutbox([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        clock.Bind(client);
        if (await outbox.SweepAsync(cancellationToken) is > 0 and var done)
        {
            logger.LogInformation("Outbox sweep carried out {Count} item(s)", done);
        }
    }

    /// <summary>Every night at 02:30 UTC, restarts the clocks of open dossiers that are missing or failed (<see cref="ClockReconciliation"/>).</summary>
    [Function(nameof(ReconcileClocks))]
    public async Task ReconcileClocks([TimerTrigger("0 30 2 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        logger.LogInformation("Clock reconciliation started {Count} clock(s)", await clocks.RunAsync(client, cancellationToken));
}
