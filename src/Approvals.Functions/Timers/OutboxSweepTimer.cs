using Approvals.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>
/// Every minute, carries out outbox items that no instance dispatched (an instance recycled between commit and
/// dispatch, a transient fault), as the server's sweep does: it reads the pending-outbox index only and takes the
/// dossiers whose lease has ended. The host runs a timer on one instance at a time.
/// </summary>
public sealed class OutboxSweepTimer(OutboxDispatcher dispatcher, BoundClockSignal clock, ILogger<OutboxSweepTimer> logger)
{
    [Function(nameof(SweepOutbox))]
    public async Task SweepOutbox([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        clock.Bind(client);
        var done = await dispatcher.SweepAsync(cancellationToken);
        if (done > 0)
        {
            logger.LogInformation("Outbox sweep carried out {Count} item(s)", done);
        }
    }
}
