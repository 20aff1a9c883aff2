using Approvals.Application;
using Microsoft.DurableTask;

namespace Approvals.Clock;

/// <summary>
/// The durable clock of one dossier (instance id = dossier id, input = the same id): ask for the next deadline, sleep
/// until it is due, until the dossier changes or for <see cref="ClockTimings.MaxWait"/> at most, fire the deadline if
/// its timer won, and start over as new; stop once the dossier has ended. Orchestrator code is replayed, so it is
/// deterministic: time comes from the context, work and I/O from activities, the plan from <see cref="DossierClockPlan"/>.
/// </summary>
public sealed class DossierClockOrchestrator(ClockTimings timings) : TaskOrchestrator<string, string>
{
    private static readonly TimeSpan NotDueYetPause = TimeSpan.FromSeconds(1);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string dossierId)
    {
        var retried = TaskOptions.FromRetryPolicy(new RetryPolicy(timings.Attempts, timings.FirstRetry, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));
        try
        {
            var next = await context.CallActivityAsync<NextDeadlineResult>(ClockNames.NextDeadline, dossierId, retried);
            context.SetCustomStatus(next.Status);
            if (next.Completed)
            {
                return "ended";
            }

            var cap = context.CurrentUtcDateTime.Add(timings.MaxWait);
            var deadlineFirst = next.DueUtc is { } due && due <= cap;
            if (await TimerComesFirstAsync(context, deadlineFirst ? next.DueUtc!.Value : cap) && deadlineFirst)
            {
                var fired = await context.CallActivityAsync<FireResult>(ClockNames.FireDeadline, new DeadlineToFire(dossierId, next.DeadlineId!, next.DueUtc), retried);
                if (fired == FireResult.NotDueYet)
                {
                    // Timers may fire up to a second early (queue delays are whole seconds): let the due time pass, no storm.
                    await context.CreateTimer(context.CurrentUtcDateTime.Add(NotDueYetPause), CancellationToken.None);
                }
            }
        }
        catch (TaskFailedException)
        {
            var retryAt = context.CurrentUtcDateTime.Add(timings.AfterFailure);
            context.SetCustomStatus(ClockStatus.BackingOff(retryAt));
            await context.CreateTimer(retryAt, CancellationToken.None);
        }

        // A fresh history for each turn; a DossierChanged raised meanwhile is carried over to the next one.
        context.ContinueAsNew(dossierId, preserveUnprocessedEvents: true);
        return "continued";
    }

    /// <summary>Races a timer against a change of the dossier, and cancels the loser.</summary>
    private static async Task<bool> TimerComesFirstAsync(TaskOrchestrationContext context, DateTime wakeAt)
    {
        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<string?>(ClockNames.DossierChanged, cancel.Token);
        var timer = context.CreateTimer(wakeAt, cancel.Token);
        var first = await Task.WhenAny(changed, timer);
        cancel.Cancel();
        return first == timer;
    }
}
