using System.Collections.Concurrent;
using Approvals.Application;

namespace Approvals.Bench;

/// <summary>The real store, keeping a copy of every commit while recording is on: scenario 1's baseline replays them.</summary>
public sealed class RecordingDossierStore(IDossierStore inner) : IDossierStore
{
    private readonly ConcurrentQueue<DossierCommit> commits = new();

    public bool Recording { get; set; }

    /// <summary>The real store, for its bulk import (the seeding of the scenarios at scale).</summary>
    public IDossierStore Inner => inner;

    /// <summary>The commits recorded since the last call, and recording goes on.</summary>
    public IReadOnlyList<DossierCommit> TakeCommits()
    {
        var taken = new List<DossierCommit>();
        while (commits.TryDequeue(out var commit))
        {
            taken.Add(commit);
        }

        return taken;
    }

    public async Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        var etag = await inner.CommitAsync(commit, cancellationToken);
        if (Recording)
        {
            commits.Enqueue(commit);
        }

        return etag;
    }

    public Task IndexAsync(DossierCommit commit, CancellationToken cancellationToken) => inner.IndexAsync(commit, cancellationToken);

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

    public Task ReleaseOutboxLeaseAsync(OutboxLease lease, CancellationToken cancellationToken) =>
        inner.ReleaseOutboxLeaseAsync(lease, cancellationToken);

    public Task DeleteOutboxAsync(string dossierId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        inner.DeleteOutboxAsync(dossierId, itemIds, cancellationToken);

    public Task MarkOutboxFailedAsync(string dossierId, string itemId, string reason, CancellationToken cancellationToken) =>
        inner.MarkOutboxFailedAsync(dossierId, itemId, reason, cancellationToken);

    public Task<IReadOnlyList<FailedOutboxItem>> FindFailedOutboxAsync(int max, CancellationToken cancellationToken, string? authorityId = null) =>
        inner.FindFailedOutboxAsync(max, cancellationToken, authorityId);

    public Task<OutboxItem?> ResetOutboxFailureAsync(string dossierId, string itemId, CancellationToken cancellationToken) =>
        inner.ResetOutboxFailureAsync(dossierId, itemId, cancellationToken);

    public Task<string> ClaimKeyAsync(string key, Func<Task<string>> create, CancellationToken cancellationToken) =>
        inner.ClaimKeyAsync(key, create, cancellationToken);

    public Task<IReadOnlyList<DossierSummary>> QueryAsync(DossierQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<DossierSummary>> GetSummariesAsync(IReadOnlyList<string> dossierIds, CancellationToken cancellationToken) =>
        inner.GetSummariesAsync(dossierIds, cancellationToken);

    public IAsyncEnumerable<DossierSummary> ReadSummariesAsync(DossierQuery filter, CancellationToken cancellationToken) =>
        inner.ReadSummariesAsync(filter, cancellationToken);

    public IAsyncEnumerable<string> ReadSnapshotsAsync(DossierQuery filter, CancellationToken cancellationToken) =>
        inner.ReadSnapshotsAsync(filter, cancellationToken);

    public Task RefreshIndexAsync(string dossierId, CancellationToken cancellationToken) => inner.RefreshIndexAsync(dossierId, cancellationToken);

    public Task<int> RebuildIndexAsync(CancellationToken cancellationToken) => inner.RebuildIndexAsync(cancellationToken);

    public Task<long> NextSequenceAsync(string counterName, CancellationToken cancellationToken) =>
        inner.NextSequenceAsync(counterName, cancellationToken);
}
