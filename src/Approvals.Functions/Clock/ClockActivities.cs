using Approvals.Application;
using Approvals.Domain;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>
/// The clock's activities, each one call into the application layer. Activities run at least once: reading is
/// harmless, and a deadline fired twice yields no events the second time (the decider knows it has fired). Storage
/// faults throw and are retried by the orchestration's policy.
/// </summary>
public sealed class ClockActivities(DossierService dossiers, ILogger<ClockActivities> logger)
{
    [Function(nameof(NextDeadline))]
    public async Task<NextDeadlineResult> NextDeadline([ActivityTrigger] string dossierId, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.GetAsync(dossierId, cancellationToken);
        return dossier.IsOk ? NextDeadlineResult.Of(DossierClockPlan.Next(dossier.Unwrap().State)) : NextDeadlineResult.Gone;
    }

    [Function(nameof(FireDeadline))]
    public async Task FireDeadline([ActivityTrigger] DeadlineToFire deadline, CancellationToken cancellationToken)
    {
        var outcome = await dossiers.HandleAsync(deadline.DossierId, new DossierCommand.DeadlineReached(deadline.DeadlineId), Actor.System, cancellationToken);
        if (!outcome.IsOk)
        {
            // Not due yet by this machine's clock, or lost five races: the next turn of the orchestration plans again.
            logger.LogInformation("Deadline {DeadlineId} of {DossierId} not fired: {Reason}", deadline.DeadlineId, deadline.DossierId, outcome.Refusals[0].Message);
        }
    }
}
