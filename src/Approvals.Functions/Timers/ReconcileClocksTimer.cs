using Approvals.Clock;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>Every night at 02:30 UTC, restarts the clocks of open dossiers that are missing or failed (<see cref="ClockReconciliation"/>).</summary>
public sealed class ReconcileClocksTimer(ClockReconciliation reconciliation, ILogger<ReconcileClocksTimer> logger)
{
    [Function(nameof(ReconcileClocks))]
    public async Task ReconcileClocks([TimerTrigger("0 30 2 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = await reconciliation.RunAsync(client, cancellationToken);
        logger.LogInformation("Clock reconciliation started {Count} clock(s)", started);
    }
}
