using Approvals.Application;
using Microsoft.DurableTask;

namespace Approvals.Clock;

/// <summary>The <c>NextDeadline</c> activity for hosts that register activity classes (the Durable Task Framework, the test host).</summary>
public sealed class NextDeadlineActivity(ClockActivities activities) : TaskActivity<string, NextDeadlineResult>
{
    public override Task<NextDeadlineResult> RunAsync(TaskActivityContext context, string input) =>
        activities.NextDeadlineAsync(input, CancellationToken.None);
}
