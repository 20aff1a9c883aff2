using Approvals.Application;

namespace Approvals.Storage.Tests;

/// <summary>
/// The real dossier store, made to fail at one point of a commit as a process killed there would: before the
/// transaction is sent (nothing written), or after it was written (the answer lost). Everything else goes through.
/// </summary>
public sealed class CrashingStore(IDossierStore inner) : IDossierStore
{
    public enum Point
    {
        None,
        BeforeCommit,
        AfterCommit,
    }

    public Point Crash { get; set; }

    public async Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        if (Crash == Point.BeforeCommit)
        {
            throw new StorageFailedException("Process killed before the commit was sent.");
        }

        var etag = await inner.CommitAsync(commit, cancellationToken);
        return Crash == Point.AfterCommit ? throw new StorageFailedException("Process killed after the commit was written.") : etag;
    }

    public Task<StoredDossier?> LoadAsync(string dossierId, CancellationToken cancellationToken) => inner.LoadAsync(dossierId, cancellationToken);

    public Task<IReadOnlyList<RegisterEntry>> ReadRegisterAsync(string dossierId, CancellationToken cancellationToken) =>
        inner.ReadRegisterAsync(dossierId, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ReadOutboxAsync(string dossierId, CancellationToken cancellationToken) =>
        inner.ReadOutboxAsync(dossierId, cancellationToken);

    public Task<OutboxLease> LeaseOutboxAsync(string dossierId, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.LeaseOutboxAsync(dossierId, until, cancellationToken);

    public Task<OutboxLease?> RenewOutboxLeaseAsync(OutboxLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.RenewOutboxLeaseAsync(lease, until, cancellationToken);

    public Task<IReadOnlyList<OutboxLease>> ClaimDueOutboxAsync(DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken) =>
        inner.ClaimDueOutboxAsync(now, until, max, cancellationToken);

    public Task ReleaseOutboxLeaseAsync(OutboxLease lease, CancellationToken cancellationToken) => inner.ReleaseOutboxLeaseAsync(lease, cancellationToken);

    public Task DeleteOutboxAsync(string dossierId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        inner.DeleteOutboxAsync(dossierId, itemIds, cancellationToken);

    public Task MarkOutboxFailedAsync(string dossierId, string itemId, string reason, CancellationToken cancellationToken) =>
        inner.MarkOutboxFailedAsync(dossierId, itemId, reason, cancellationToken);

    public Task<IReadOnlyList<FailedOutboxItem>> FindFailedOutboxAsync(int max, CancellationToken cancellationToken) =>
        inner.FindFailedOutboxAsync(max, cancellationToken);

    public Task<OutboxItem?> ResetOutboxFailureAsync(string dossierId, string itemId, CancellationToken cancellationToken) =>
        inner.ResetOutboxFailureAsync(dossierId, itemId, cancellationToken);

    public Task<string> ClaimKeyAsync(string key, Func<Task<string>> create, CancellationToken cancellationToken) =>
        inner.ClaimKeyAsync(key, create, cancellationToken);

    public Task<IReadOnlyList<DossierSummary>> QueryAsync(DossierQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);

    public Task<long> NextSequenceAsync(string counterName, CancellationToken cancellationToken) =>
        inner.NextSequenceAsync(counterName, cancellationToken);
}
