using Approvals.Application;
using Approvals.Clock;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Approvals.Functions;

/// <summary>The dossier's clock on Durable Functions: each trigger hands over to the code the server runs too (Approvals.Clock).</summary>
public sealed class ClockFunctions(ClockActivities activities)
{
    [Function(ClockNames.Orchestrator)]
    public static Task<string> Orchestrate([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DossierClockOrchestrator(ClockTimings.Default).RunAsync(context, context.GetInput<string>()!);

    [Function(ClockNames.NextDeadline)]
    public Task<NextDeadlineResult> NextDeadline([ActivityTrigger] string dossierId, CancellationToken cancellationToken) =>
        activities.NextDeadlineAsync(dossierId, cancellationToken);

    [Function(ClockNames.FireDeadline)]
    public Task<FireResult> FireDeadline([ActivityTrigger] DeadlineToFire deadline, CancellationToken cancellationToken) =>
        activities.FireDeadlineAsync(deadline, cancellationToken);
}
