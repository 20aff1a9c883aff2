using Approvals.Application;

namespace Approvals.Testing.Storage;

/// <summary>
/// The real dossier store with every call passed through: a test store overrides only the calls it makes fail or
/// counts, so that a change of the port touches this file alone.
/// </summary>
public abstract class DelegatingDossierStore(IDossierStore inner) : IDossierStore
{
    public virtual Task<StoredDossier?> LoadAsync(string dossierId, CancellationToken cancellationToken) =>
        inner.LoadAsync(dossierId, cancellationToken);

    public virtual Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken) =>
        inner.CommitAsync(commit, cancellationToken);

    public virtual Task IndexAsync(DossierCommit commit, CancellationToken cancellationToken) =>
        inner.IndexAsync(commit, cancellationToken);

    public virtual Task<IReadOnlyList<RegisterEntry>> ReadRegisterAsync(string dossierId, CancellationToken cancellationToken) =>
        inner.ReadRegisterAsync(dossierId, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxItem>> ReadOutboxAsync(string dossierId, CancellationToken cancellationToken) =>
        inner.ReadOutboxAsync(dossierId, cancellationToken);

    public virtual Task<OutboxLease> LeaseOutboxAsync(string dossierId, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.LeaseOutboxAsync(dossierId, until, cancellationToken);

    public virtual Task<OutboxLease?> RenewOutboxLeaseAsync(OutboxLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.RenewOutboxLeaseAsync(lease, until, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxLease>> ClaimDueOutboxAsync(DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken) =>
        inner.ClaimDueOutboxAsync(now, until, max, cancellationToken);

    public virtual Task ReleaseOutboxLeaseAsync(OutboxLease lease, CancellationToken cancellationToken) =>
        inner.ReleaseOutboxLeaseAsync(lease, cancellationToken);

    public virtual Task DeleteOutboxAsync(string dossierId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        inner.DeleteOutboxAsync(dossierId, itemIds, cancellationToken);

    public virtual Task MarkOutboxFailedAsync(string dossierId, string itemId, string reason, CancellationToken cancellationToken) =>
        inner.MarkOutboxFailedAsync(dossierId, itemId, reason, cancellationToken);

    public virtual Task<IReadOnlyList<FailedOutboxItem>> FindFailedOutboxAsync(int max, CancellationToken cancellationToken, string? authorityId = null) =>
        inner.FindFailedOutboxAsync(max, cancellationToken, authorityId);

    public virtual Task<OutboxItem?> ResetOutboxFailureAsync(string dossierId, string itemId, CancellationToken cancellationToken) =>
        inner.ResetOutboxFailureAsync(dossierId, itemId, cancellationToken);

    public virtual Task<string> ClaimKeyAsync(string key, Func<Task<string>> create, CancellationToken cancellationToken) =>
        inner.ClaimKeyAsync(key, create, cancellationToken);

    public virtual Task<IReadOnlyList<DossierSummary>> QueryAsync(DossierQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<DossierSummary>> GetSummariesAsync(IReadOnlyList<string> dossierIds, CancellationToken cancellationToken) =>
        inner.GetSummariesAsync(dossierIds, cancellationToken);

    public virtual IAsyncEnumerable<DossierSummary> ReadSummariesAsync(DossierQuery filter, CancellationToken cancellationToken) =>
        inner.ReadSummariesAsync(filter, cancellationToken);

    public virtual IAsyncEnumerable<string> ReadSnapshotsAsync(DossierQuery filter, CancellationToken cancellationToken) =>
        inner.ReadSnapshotsAsync(filter, cancellationToken);

    public virtual Task RefreshIndexAsync(string dossierId, CancellationToken cancellationToken) =>
        inner.RefreshIndexAsync(dossierId, cancellationToken);

    public virtual Task<int> RebuildIndexAsync(CancellationToken cancellationToken) =>
        inner.RebuildIndexAsync(cancellationToken);

    public virtual Task<long> NextSequenceAsync(string counterName, CancellationToken cancellationToken) =>
        inner.NextSequenceAsync(counterName, cancellationToken);
}
