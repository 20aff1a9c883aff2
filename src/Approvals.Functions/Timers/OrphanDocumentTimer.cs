using Approvals.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>Every hour, deletes documents a recycled instance left stored but never recorded by their dossier, as the server does.</summary>
public sealed class OrphanDocumentTimer(OrphanDocumentSweep sweep, ILogger<OrphanDocumentTimer> logger)
{
    [Function(nameof(SweepOrphanDocuments))]
    public async Task SweepOrphanDocuments([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var deleted = await sweep.SweepAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Orphan document sweep deleted {Count} document(s)", deleted);
        }
    }
}
