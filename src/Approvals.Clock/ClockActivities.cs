using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Clock;

/// <summary>
/// The clock's two activities, each one call into the application layer, shared by both hosts. Activities run at
/// least once: reading is harmless, and a deadline fired twice yields no events the second time (the decider knows it
/// has fired). Storage faults and lost races throw, so the orchestration's retry policy tries again.
/// </summary>
public sealed class ClockActivities(DossierService dossiers)
{
    public async Task<NextDeadlineResult> NextDeadlineAsync(string dossierId, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.GetAsync(dossierId, cancellationToken);
        if (!dossier.IsOk)
        {
            return NextDeadlineResult.Gone;
        }

        var state = dossier.Unwrap().State;
        var step = DossierClockPlan.Next(state);
        return NextDeadlineResult.Of(step) with { Status = ClockStatus.Of(state, step) };
    }

    /// <summary>
    /// Only a refusal meaning that the deadline no longer applies (the dossier is gone) or is not due yet ends the
    /// activity quietly; any other refusal, such as a concurrent change that won five races, throws so that the
    /// deadline is fired again rather than lost.
    /// </summary>
    public async Task<FireResult> FireDeadlineAsync(DeadlineToFire deadline, CancellationToken cancellationToken)
    {
        var outcome = await dossiers.HandleAsync(deadline.DossierId, new DossierCommand.DeadlineReached(deadline.DeadlineId), Actor.System, cancellationToken);
        if (outcome.IsOk)
        {
            if (deadline.DueUtc is { } due && outcome.Unwrap().NewEvents is [var first, ..])
            {
                ApprovalsTelemetry.DeadlineFired(first.GetType().Name, first.At - new DateTimeOffset(due, TimeSpan.Zero));
            }

            return FireResult.Done;
        }

        return outcome.Refusals[0].Code switch
        {
            "deadline.not-due" => FireResult.NotDueYet,
            "dossier.not-found" => FireResult.Gone,
            _ => throw new InvalidOperationException(
                $"Deadline {deadline.DeadlineId} of {deadline.DossierId} not fired: {outcome.Refusals[0].Code} {outcome.Refusals[0].Message}"),
        };
    }
}
