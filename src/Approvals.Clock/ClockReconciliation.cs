using Approvals.Application;
using Approvals.Domain;
using Microsoft.DurableTask.Client;

namespace Approvals.Clock;

/// <summary>
/// The daily safety net behind the outbox's signal: every open dossier whose clock is missing, failed or terminated
/// gets it started again, so no dossier is left without a clock whatever was lost on the way. Both hosts run it, for
/// every authority of the deployment.
/// </summary>
public sealed class ClockReconciliation(IDossierStore store, AuthorityDirectory authorities)
{
    /// <summary>Returns how many clocks were started.</summary>
    public async Task<int> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var authority in await authorities.ListAsync(cancellationToken))
        {
            started += await RunAsync(client, authority.Id == authorities.First.Id ? null : authority.Id, cancellationToken);
        }

        return started;
    }

    private async Task<int> RunAsync(DurableTaskClient client, string? authorityId, CancellationToken cancellationToken)
    {
        // The summaries a thousand per request, not the list's one read per dossier.
        var started = 0;
        await foreach (var dossier in store.ReadSummariesAsync(new DossierQuery(AuthorityId: authorityId), cancellationToken))
        {
            if (Ended(dossier.Stage))
            {
                continue;
            }

            var instance = await client.GetInstanceAsync(dossier.DossierId, cancellationToken);
            if (instance is null || instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            {
                await DossierClockSignal.StartAsync(client, dossier.DossierId, cancellationToken);
                started++;
            }
        }

        return started;
    }

    /// <summary>Whether a dossier at <paramref name="stage"/> (as the dossier list names it) has ended: its clock has nothing left to drive.</summary>
    public static bool Ended(string stage) => Enum.TryParse<DossierStage>(stage, out var parsed) && (Dossier.Empty with { Stage = parsed }).IsEnded;
}
