using Approvals.Application;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>
/// Carries out the outbox of each command as soon as it commits, in the instance that committed it. The in-memory
/// <see cref="OutboxSignal"/> does exist here: HTTP triggers and activities run <see cref="DossierService"/> in this
/// worker process, which hands its committed items to the signal. It just does not reach other instances, and an
/// instance may be recycled before it dispatches; the outbox rows are in storage, so the sweep timer
/// (<see cref="MaintenanceTimers.SweepOutbox"/>, every minute) finishes that work. Reading the items back from storage in the HTTP
/// trigger instead would cost a query per command, lengthen every response by the e-mail round trip, and leave the
/// signal's channel filling with nobody to read it. The committing instance holds the dossier's outbox lease until it
/// has carried the items out; the sweep takes only dossiers whose lease has ended, so the two never send one mail twice.
/// </summary>
public sealed class SignalledOutboxDispatcher(OutboxDispatcher dispatcher, OutboxSignal signal, ILogger<SignalledOutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in signal.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await dispatcher.DispatchAsync(work, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox of {DossierId} left for the sweep", work.DossierId);
            }
        }
    }
}
