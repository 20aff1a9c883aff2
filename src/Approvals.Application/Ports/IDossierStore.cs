namespace Approvals.Application;

/// <summary>
/// The system of record: one partition per dossier holding its snapshot, its register and its outbox.
/// Throws <see cref="ConcurrencyConflictException"/> when another writer won and <see cref="StorageFailedException"/>
/// when storage fails.
/// </summary>
public interface IDossierStore
{
    Task<StoredDossier?> LoadAsync(string dossierId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the commit in one transaction (at most 100 rows: the snapshot, the events, the outbox and one item of kind
    /// <see cref="OutboxKinds.Index"/>, <see cref="OutboxKinds.IndexItemId"/>) and returns the new ETag.
    /// </summary>
    Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the dossier index to a commit just written, from the commit itself (no read of the dossier). Its index
    /// item is then done; when this fails, that item makes the outbox do it (<see cref="RefreshIndexAsync"/>).
    /// </summary>
    Task IndexAsync(DossierCommit commit, CancellationToken cancellationToken);

    /// <summary>The register in sequence order.</summary>
    Task<IReadOnlyList<RegisterEntry>> ReadRegisterAsync(string dossierId, CancellationToken cancellationToken);

    /// <summary>The dossier's outbox items still to carry out (not those marked failed).</summary>
    Task<IReadOnlyList<OutboxItem>> ReadOutboxAsync(string dossierId, CancellationToken cancellationToken);

    /// <summary>
    /// Files the dossier in the pending-outbox index, leased to the caller until <paramref name="until"/> (replacing
    /// any earlier lease). Written before the commit whose outbox it covers, so that no committed item is ever unindexed.
    /// </summary>
    Task<OutboxLease> LeaseOutboxAsync(string dossierId, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Extends (or, with <paramref name="until"/> in the past, hands back) a lease; null when it was lost to another writer.</summary>
    Task<OutboxLease?> RenewOutboxLeaseAsync(OutboxLease lease, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// For the sweep: takes up to <paramref name="max"/> index rows whose lease ended by <paramref name="now"/>, each
    /// leased anew until <paramref name="until"/>. Reads only the index, never the dossiers.
    /// </summary>
    Task<IReadOnlyList<OutboxLease>> ClaimDueOutboxAsync(DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken);

    /// <summary>Removes the dossier from the index, unless someone wrote its row since the lease was taken.</summary>
    Task ReleaseOutboxLeaseAsync(OutboxLease lease, CancellationToken cancellationToken);

    /// <summary>Removes carried-out outbox items, in one transaction per hundred; removing one already gone is not an error.</summary>
    Task DeleteOutboxAsync(string dossierId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Keeps the item, marked failed with <paramref name="reason"/>: the sweep no longer picks it up.</summary>
    Task MarkOutboxFailedAsync(string dossierId, string itemId, string reason, CancellationToken cancellationToken);

    /// <summary>Failed items of the dossiers of <paramref name="authorityId"/> (null: the first authority's), most recent first.</summary>
    Task<IReadOnlyList<FailedOutboxItem>> FindFailedOutboxAsync(int max, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>Clears the failure mark so the item is carried out again; null when the item is gone.</summary>
    Task<OutboxItem?> ResetOutboxFailureAsync(string dossierId, string itemId, CancellationToken cancellationToken);

    /// <summary>
    /// The value claimed under <paramref name="key"/>: the one stored by an earlier call, or else the one
    /// <paramref name="create"/> makes, stored now. Makes the creation of a dossier idempotent across retries.
    /// </summary>
    Task<string> ClaimKeyAsync(string key, Func<Task<string>> create, CancellationToken cancellationToken);

    /// <summary>
    /// Dossiers matching the query, newest first (the order they were created in, reversed), from the dossier index:
    /// the cost follows the page, not the number of dossiers stored. Words match the start of the dossier's words.
    /// </summary>
    Task<IReadOnlyList<DossierSummary>> QueryAsync(DossierQuery query, CancellationToken cancellationToken);

    /// <summary>The summaries of these dossiers from the index (one point read each); unknown ones are left out.</summary>
    Task<IReadOnlyList<DossierSummary>> GetSummariesAsync(IReadOnlyList<string> dossierIds, CancellationToken cancellationToken);

    /// <summary>Every summary matching the filter (its skip and take ignored), streamed a storage page at a time, in dossier number order.</summary>
    IAsyncEnumerable<DossierSummary> ReadSummariesAsync(DossierQuery filter, CancellationToken cancellationToken);

    /// <summary>
    /// The snapshots (<see cref="StoredDossier.SnapshotJson"/>) of the dossiers matching the filter, in dossier number order,
    /// found in the filter's authority's own index partition and streamed a page at a time.
    /// </summary>
    IAsyncEnumerable<string> ReadSnapshotsAsync(DossierQuery filter, CancellationToken cancellationToken);

    /// <summary>Brings the dossier's index rows to its stored state (the outbox's backstop when a commit's own update failed).</summary>
    Task RefreshIndexAsync(string dossierId, CancellationToken cancellationToken);

    /// <summary>Rewrites the whole index from the dossiers' state rows and removes what no dossier explains; returns the dossiers indexed.</summary>
    Task<int> RebuildIndexAsync(CancellationToken cancellationToken);

    /// <summary>The next value of a named counter (1, 2, 3…), for readable dossier numbers.</summary>
    Task<long> NextSequenceAsync(string counterName, CancellationToken cancellationToken);
}
