using Approvals.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Approvals.Functions;

/// <summary>
/// The durable clock of one dossier (instance id = dossier id, input = the same id): ask for the next deadline, sleep
/// until it is due or until the dossier changes, fire it if the timer won, and start over as new; stop once the dossier
/// has ended. Orchestrator code is replayed, so it is deterministic: time comes from the context, work and I/O from
/// activities, and the decision itself is <see cref="DossierClockPlan"/>, tested with the application.
/// </summary>
public static class DossierClockOrchestrator
{
    public const string DossierChanged = "DossierChanged";

    /// <summary>Storage faults are transient: retried with backoff for about ten minutes.</summary>
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(15), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>After an activity failed for good: wait and start over, rather than fail and leave the dossier without a clock.</summary>
    private static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(30);

    [Function(nameof(DossierClockOrchestrator))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var dossierId = context.GetInput<string>() ?? throw new InvalidOperationException("The clock needs a dossier id.");
        try
        {
            var next = await context.CallActivityAsync<NextDeadlineResult>(nameof(ClockActivities.NextDeadline), dossierId, Retried);
            if (next.Completed)
            {
                context.SetCustomStatus(null);
                return;
            }

            context.SetCustomStatus(next);
            if (await DeadlineComesFirstAsync(context, next))
            {
                await context.CallActivityAsync(nameof(ClockActivities.FireDeadline), new DeadlineToFire(dossierId, next.DeadlineId!), Retried);
            }
        }
        catch (TaskFailedException)
        {
            await context.CreateTimer(context.CurrentUtcDateTime.Add(AfterFailure), CancellationToken.None);
        }

        // A fresh history for each turn; a DossierChanged raised meanwhile is carried over to the next one.
        context.ContinueAsNew(dossierId);
    }

    /// <summary>Races the deadline's timer against a change of the dossier, and cancels the loser.</summary>
    private static async Task<bool> DeadlineComesFirstAsync(TaskOrchestrationContext context, NextDeadlineResult next)
    {
        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<object?>(DossierChanged, cancel.Token);
        if (next.DueUtc is not { } due)
        {
            await changed;
            return false;
        }

        var timer = context.CreateTimer(due, cancel.Token);
        var first = await Task.WhenAny(changed, timer);
        cancel.Cancel();
        return first == timer;
    }
}
