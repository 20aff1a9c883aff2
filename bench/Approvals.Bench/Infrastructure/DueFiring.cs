using Approvals.Application;
using Approvals.Clock;
using Approvals.Domain;

namespace Approvals.Bench;

/// <summary>
/// What the dossiers' clocks do when their timers wake, on the bench's settable time (the engine's own timers run in
/// real time): the due entries of the deadline index, each fired through the clock's <c>FireDeadline</c> activity.
/// </summary>
public static class DueFiring
{
    public static async Task<int> FireAsync(IDeadlineIndex index, ClockActivities activities, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await index.ReadDueAsync(FrenchCalendar.ParisDate(now), now, cancellationToken);
        var fired = 0;
        foreach (var deadline in due)
        {
            if (await activities.FireDeadlineAsync(new DeadlineToFire(deadline.DossierId, deadline.DeadlineId), cancellationToken) == FireResult.Done)
            {
                fired++;
            }
        }

        await index.RemoveAsync(due, cancellationToken);
        return fired;
    }
}
