using Approvals.Application;

namespace Approvals.Server;

/// <summary>Every hour, deletes documents a crash left stored but never recorded by their dossier.</summary>
public sealed class OrphanDocumentWorker(OrphanDocumentSweep sweep, TimeProvider time, ILogger<OrphanDocumentWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(TimeSpan.FromHours(1), time, logger, "Orphan document sweep", async token =>
        {
            var deleted = await sweep.SweepAsync(token);
            if (deleted > 0)
            {
                logger.LogInformation("Orphan document sweep deleted {Count} document(s)", deleted);
            }
        }, stoppingToken);
}
