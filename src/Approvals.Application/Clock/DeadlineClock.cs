using Approvals.Domain;
using Microsoft.Extensions.Logging;

namespace Approvals.Application;

/// <summary>
/// One tick of the clock: read the deadline index up to today (Paris) for what is due, send <c>DeadlineReached</c>
/// through the dossier service, and drop the entries. Its cost follows what is due, not how many dossiers are open.
/// </summary>
public sealed class DeadlineClock(IDeadlineIndex index, DossierService dossiers, TimeProvider time, ILogger<DeadlineClock> logger)
{
    /// <summary>Fires every due deadline; returns how many produced events.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        using var span = ApprovalsTelemetry.Source.StartActivity("clock tick");
        var now = time.GetUtcNow();
        var due = await index.ReadDueAsync(FrenchCalendar.ParisDate(now), now, cancellationToken);
        var fired = 0;
        foreach (var deadline in due)
        {
            var outcome = await dossiers.HandleAsync(deadline.DossierId, new DossierCommand.DeadlineReached(deadline.DeadlineId), Actor.System, cancellationToken);
            if (outcome.IsOk && outcome.Unwrap().NewEvents.Count > 0)
            {
                fired++;
                ApprovalsTelemetry.DeadlineFired(deadline.Kind, now - deadline.DueAt);
            }
            else if (!outcome.IsOk)
            {
                logger.LogInformation("Deadline {DeadlineId} of {DossierId} dropped: {Reason}", deadline.DeadlineId, deadline.DossierId, outcome.Refusals[0].Message);
            }

            await index.RemoveAsync([deadline], cancellationToken);
        }

        return fired;
    }
}
