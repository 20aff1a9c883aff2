using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Approvals.Functions;

/// <summary>
/// Tells a dossier's clock (the orchestration whose instance id is the dossier id) that the dossier changed: starts it
/// if it does not exist yet (a new dossier) or if it failed, raises <c>DossierChanged</c> if it runs, and leaves it
/// alone once it has completed (the dossier has ended). Any accepted command therefore repairs a missing clock.
/// </summary>
public sealed class DossierClockSignal(ILogger<DossierClockSignal> logger)
{
    public async Task DossierChangedAsync(DurableTaskClient client, string dossierId, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await client.GetInstanceAsync(dossierId, cancellationToken);
            if (instance is null || instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(DossierClockOrchestrator), dossierId, new StartOrchestrationOptions(InstanceId: dossierId), cancellationToken);
            }
            else if (instance.RuntimeStatus is not OrchestrationRuntimeStatus.Completed)
            {
                await client.RaiseEventAsync(dossierId, DossierClockOrchestrator.DossierChanged, null, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The command is committed: answer it. The clock still wakes at the deadline it knew and plans again then,
            // and the next accepted command on this dossier starts a missing clock.
            logger.LogWarning(e, "Could not signal the clock of dossier {DossierId}", dossierId);
        }
    }
}
