using Approvals.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>Every minute, settles budget reservations that a crash left between a vote's reservation and its commit, as the server's ledger worker does.</summary>
public sealed class LedgerReconcileTimer(BudgetLedger ledger, ILogger<LedgerReconcileTimer> logger)
{
    [Function(nameof(ReconcileLedger))]
    public async Task ReconcileLedger([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var settled = await ledger.ReconcileAsync(cancellationToken);
        if (settled > 0)
        {
            logger.LogWarning("Budget reconciliation settled {Count} reservation(s)", settled);
        }
    }
}
