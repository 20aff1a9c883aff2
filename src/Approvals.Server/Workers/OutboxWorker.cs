using Approvals.Application;

namespace Approvals.Server;

/// <summary>
/// Carries out outbox items as soon as their command commits (through the in-memory signal), and sweeps storage
/// every <c>Outbox:SweepInterval</c> for items a crash or a fault left behind.
/// </summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, IConfiguration configuration, TimeProvider time, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(DispatchSignalledAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task DispatchSignalledAsync(CancellationToken stoppingToken)
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

    private Task SweepAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(configuration.GetValue("Outbox:SweepInterval", TimeSpan.FromSeconds(30)), time, logger, "Outbox sweep", async token =>
        {
            var done = await dispatcher.SweepAsync(token);
            if (done > 0)
            {
                logger.LogInformation("Outbox sweep carried out {Count} item(s)", done);
            }
        }, stoppingToken);
}
