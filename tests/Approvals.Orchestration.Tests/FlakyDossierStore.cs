using Approvals.Application;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// The real table store, with two faults a test can switch on: every commit loses its race (as if another writer
/// always came first), and commits wait at a gate; and a count of the snapshot loads (each plan of the clock loads one).
/// </summary>
public sealed class FlakyDossierStore(IDossierStore inner) : IDossierStore
{
    private int loads;

    public volatile bool CommitsConflict;

    public TaskCompletionSource? CommitGate { get; set; }

    public int Loads => Volatile.Read(ref loads);

    public async Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        if (CommitGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return CommitsConflict ? throw new ConcurrencyConflictException("A concurrent writer won (injected).") : await inner.CommitAsync(commit, cancellationToken);
    }

    public Task<StoredDossier?> LoadAsync(string dossierId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref loads);
        return inner.LoadAsync(dossierId, cancellationToken);
    }

    public Task<IReadOnlyList<RegisterEntry>> ReadRegisterAsync(string dossierId, CancellationToken cancellationToken) => inner.ReadRegisterAsync(dossierId, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ReadOutboxAsync(string dossierId, CancellationToken cancellationToken) => inner.ReadOutboxAsync(dossierId, cancellationToken);

    public Task<OutboxLease> LeaseOutboxAsync(string dossierId, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.LeaseOutboxAsync(dossierId, until, cancellationToken);

    public Task<OutboxLease?> RenewOutboxLeaseAsync(OutboxLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.RenewOutboxLeaseAsync(lease, until, cancellationToken);

    public Task<IReadOnlyList<OutboxLease>> ClaimDueOutboxAsync(DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken) =>
        inner.ClaimDueOutboxAsync(now, until, max, cancellationToken);

    public Task ReleaseOutboxLeaseAsync(OutboxLease lease, CancellationToken cancellationToken) => inner.ReleaseOutboxLeaseAsync(lease, cancellationToken);

    public Task DeleteOutboxAsync(string dossierId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) => inner.DeleteOutboxAsync(dossierId, itemIds, cancellationToken);

    public Task MarkOutboxFailedAsync(string dossierId, string itemId, string reason, CancellationToken cancellationToken) =>
        inner.MarkOutboxFailedAsync(dossierId, itemId, reason, cancellationToken);

    public Task<IReadOnlyList<FailedOutboxItem>> FindFailedOutboxAsync(int max, CancellationToken cancellationToken) => inner.FindFailedOutboxAsync(max, cancellationToken);

    public Task<OutboxItem?> ResetOutboxFailureAsync(string dossierId, string itemId, CancellationToken cancellationToken) =>
        inner.ResetOutboxFailureAsync(dossierId, itemId, cancellationToken);

    public Task<string> ClaimKeyAsync(string key, Func<Task<string>> create, CancellationToken cancellationToken) => inner.ClaimKeyAsync(key, create, cancellationToken);

    public Task<IReadOnlyList<DossierSummary>> QueryAsync(DossierQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<long> NextSequenceAsync(string counterName, CancellationToken cancellationToken) => inner.NextSequenceAsync(counterName, cancellationToken);
}
