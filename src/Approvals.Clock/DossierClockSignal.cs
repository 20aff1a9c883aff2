using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Clock;

/// <summary>
/// Tells a dossier's clock that the dossier changed, on either host's <see cref="DurableTaskClient"/>: starts it if it
/// does not exist yet (a new dossier) or if it failed or was terminated, raises <c>DossierChanged</c> if it runs, and
/// leaves it alone once it has completed (the dossier has ended). Faults throw: the outbox item is retried.
/// </summary>
public static class DossierClockSignal
{
    public static async Task DossierChangedAsync(DurableTaskClient client, string dossierId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(dossierId, cancellationToken);
        if (instance is null || instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            await StartAsync(client, dossierId, cancellationToken);
        }
        else if (instance.RuntimeStatus is not OrchestrationRuntimeStatus.Completed)
        {
            await client.RaiseEventAsync(dossierId, ClockNames.DossierChanged, null, cancellationToken);
        }
    }

    /// <summary>Starts (or restarts over a failed or terminated instance) the clock of <paramref name="dossierId"/>.</summary>
    public static Task StartAsync(DurableTaskClient client, string dossierId, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(ClockNames.Orchestrator, dossierId, new StartOrchestrationOptions(InstanceId: dossierId), cancellationToken);
}
