using Approvals.Application;

namespace Approvals.Server;

/// <summary>
/// Every <c>Budget:ReconcileInterval</c> (a minute by default), settles budget reservations that a crash left between
/// a vote's reservation and its commit (see <see cref="BudgetLedger.ReconcileAsync"/>).
/// </summary>
public sealed class LedgerWorker(BudgetLedger ledger, IConfiguration configuration, TimeProvider time, ILogger<LedgerWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(configuration.GetValue("Budget:ReconcileInterval", TimeSpan.FromMinutes(1)), time, logger, "Budget reconciliation", async token =>
        {
            var settled = await ledger.ReconcileAsync(token);
            if (settled > 0)
            {
                logger.LogWarning("Budget reconciliation settled {Count} reservation(s)", settled);
            }
        }, stoppingToken);
}
