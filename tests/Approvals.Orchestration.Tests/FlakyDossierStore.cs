using Approvals.Testing.Storage;
using Approvals.Application;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// The real table store, with two faults a test can switch on: every commit loses its race (as if another writer
/// always came first), and commits wait at a gate; and a count of the snapshot loads (each plan of the clock loads one).
/// </summary>
public sealed class FlakyDossierStore(IDossierStore inner) : DelegatingDossierStore(inner)
{
    private int loads;

    public volatile bool CommitsConflict;

    public TaskCompletionSource? CommitGate { get; set; }

    public int Loads => Volatile.Read(ref loads);

    public override async Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        if (CommitGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return CommitsConflict ? throw new ConcurrencyConflictException("A concurrent writer won (injected).") : await base.CommitAsync(commit, cancellationToken);
    }

    public override Task<StoredDossier?> LoadAsync(string dossierId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref loads);
        return base.LoadAsync(dossierId, cancellationToken);
    }
}
