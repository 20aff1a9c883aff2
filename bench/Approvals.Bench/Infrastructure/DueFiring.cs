using Approvals.Application;
using Approvals.Clock;
using Approvals.Domain;

namespace Approvals.Bench;

/// <summary>
/// What the dossiers' clocks do when their timers wake, on the bench's settable time (the engine's own timers run in
/// real time): the due entries of the deadline index, each fired through the clock's <c>FireDeadline</c> activity.
/// Each dossier has its own clock, so different dossiers fire side by side (<paramref name="parallel"/> at a time) and
/// one dossier's deadlines in order; the fired entries leave the index in one batch per day.
/// </summary>
public static class DueFiring
{
    public static async Task<int> FireAsync(IDeadlineIndex index, ClockActivities activities, DateTimeOffset now, CancellationToken cancellationToken, int parallel = 8)
    {
        var due = await index.ReadDueAsync(FrenchCalendar.ParisDate(now), now, null, cancellationToken);
        var fired = 0;
        await Parallel.ForEachAsync(due.GroupBy(deadline => deadline.DossierId), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (dossier, token) =>
        {
            foreach (var deadline in dossier)
            {
                if (await activities.FireDeadlineAsync(new DeadlineToFire(deadline.DossierId, deadline.DeadlineId), token) == FireResult.Done)
                {
                    Interlocked.Increment(ref fired);
                }
            }
        });

        await index.RemoveAsync(due, cancellationToken);
        return fired;
    }
}
