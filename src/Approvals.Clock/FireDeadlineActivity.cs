using Approvals.Application;
using Microsoft.DurableTask;

namespace Approvals.Clock;

/// <summary>The <c>FireDeadline</c> activity for hosts that register activity classes (the Durable Task Framework, the test host).</summary>
public sealed class FireDeadlineActivity(ClockActivities activities) : TaskActivity<DeadlineToFire, FireResult>
{
    public override Task<FireResult> RunAsync(TaskActivityContext context, DeadlineToFire input) =>
        activities.FireDeadlineAsync(input, CancellationToken.None);
}
