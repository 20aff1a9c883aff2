using System.Runtime.CompilerServices;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// The dossiers in Table Storage: one partition per dossier, each command written in one entity-group transaction.
/// The dossier index (the list's read model, other tables) follows each commit through <see cref="IndexAsync"/>; an
/// outbox row written with the commit makes the sweep finish that update if the process stops in between.
/// </summary>
public sealed class TableDossierStore(TableServiceClient tables, IOptions<StorageOptions> options, TimeProvider time) : IDossierStore
{
    /// <summary>The limit of one entity-group transaction.</summary>
    public const int MaxRowsPerCommit = 100;

    private const int MaxCounterAttempts = 20;
    private const string CounterKey = "counter";
    private const string ClaimPartition = "claims";

    private readonly TableClient dossiers = tables.GetTableClient(options.Value.DossiersTable);
    private readonly TableClient counters = tables.GetTableClient(options.Value.CountersTable);
    private readonly DossierIndex index = new(tables.GetTableClient(options.Value.DossierIndexTable), tables.GetTableClient(options.Value.DossierSummariesTable));

    public Task<StoredDossier?> LoadAsync(string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Load dossier", async () =>
        {
            var found = await dossiers.GetEntityIfExistsAsync<TableEntity>(
                DossierRows.PartitionKey(dossierId), DossierRows.StateKey, cancellationToken: cancellationToken);
            return found.HasValue ? DossierRows.ToStoredDossier(found.Value!) : null;
        }, cancellationToken);

    public Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        var indexing = new OutboxItem(OutboxKinds.IndexItemId(commit.Version), OutboxKinds.Index, "{}");
        var rows = 2 + commit.Events.Count + commit.Outbox.Count;
        if (rows > MaxRowsPerCommit)
        {
            throw new ArgumentException(
                $"A commit writes at most {MaxRowsPerCommit} rows; this one has {rows} (1 snapshot, {commit.Events.Count} events, {commit.Outbox.Count} outbox items, 1 index update).",
                nameof(commit));
        }

        var actions = new List<TableTransactionAction>(rows)
        {
            commit.ExpectedETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, DossierRows.State(commit))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, DossierRows.State(commit), new ETag(commit.ExpectedETag)),
        };
        // Register and outbox rows are only ever added: a row that already exists means another writer got there first.
        actions.AddRange(commit.Events.Select(entry => new TableTransactionAction(TableTransactionActionType.Add, DossierRows.Event(entry))));
        actions.AddRange(commit.Outbox.Append(indexing).Select(item => new TableTransactionAction(TableTransactionActionType.Add, DossierRows.Outbox(commit.DossierId, item))));

        return StorageErrors.GuardAsync("Commit dossier", async () =>
        {
            try
            {
                var responses = await dossiers.SubmitTransactionAsync(actions, cancellationToken);
                return responses.Value[0].Headers.ETag?.ToString()
                    ?? throw new InvalidOperationException("Table Storage returned no ETag for the dossier's state row.");
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
            {
                throw new ConcurrencyConflictException(
                    commit.ExpectedETag is null
                        ? $"Dossier {commit.DossierId} already exists."
                        : $"Dossier {commit.DossierId} changed since it was loaded.",
                    exception);
            }
        }, cancellationToken);
    }

    public Task IndexAsync(DossierCommit commit, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Index dossier", () =>
        {
            // Created when its first register entry was recorded, as the rebuild reads it (CreatedAtAsync).
            var createdAt = commit.Events.FirstOrDefault(entry => entry.Sequence == 1)?.RecordedAt ?? commit.Summary.UpdatedAt;
            return index.ApplyAsync(commit.Version, commit.Summary, commit.SnapshotJson, createdAt, force: false, cancellationToken, isNew: commit.ExpectedETag is null);
        }, cancellationToken);

    /// <summary>
    /// Writes new dossiers in bulk (a migration, the bench's seeding): each commit in its own transaction, as
    /// <see cref="CommitAsync"/> writes it but without outbox rows, then the index of all of them together
    /// (<see cref="DossierIndex.ImportAsync"/>). Nothing follows through the outbox: the caller writes what it needs.
    /// </summary>
    internal Task ImportAsync(IReadOnlyList<DossierCommit> commits, int parallel, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Import dossiers", async () =>
        {
            await Parallel.ForEachAsync(commits, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (commit, token) =>
            {
                var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, DossierRows.State(commit)) };
                actions.AddRange(commit.Events.Select(entry => new TableTransactionAction(TableTransactionActionType.Add, DossierRows.Event(entry))));
                await dossiers.SubmitTransactionAsync(actions, token);
            });
            await index.ImportAsync(
                commits.Select(c => (c.Version, c.Summary, c.SnapshotJson, c.Events.FirstOrDefault(e => e.Sequence == 1)?.RecordedAt ?? c.Summary.UpdatedAt)).ToList(),
                parallel,
                cancellationToken);
        }, cancellationToken);

    public Task RefreshIndexAsync(string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Refresh dossier index", async () =>
        {
            var state = await dossiers.GetEntityIfExistsAsync<TableEntity>(DossierRows.PartitionKey(dossierId), DossierRows.StateKey, cancellationToken: cancellationToken);
            if (state.HasValue)
            {
                await IndexAsync(state.Value!, force: false, cancellationToken);
            }
        }, cancellationToken);

    public Task<int> RebuildIndexAsync(CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Rebuild dossier index", async () =>
        {
            var keys = new HashSet<(string, string)>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var state in dossiers.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"RowKey eq {DossierRows.StateKey}"), maxPerPage: 100, cancellationToken: cancellationToken))
            {
                var (summary, sortKey) = await IndexAsync(state, force: true, cancellationToken);
                ids.Add(summary.DossierId);
                keys.UnionWith(DossierIndexRows.KeyRows(summary, sortKey).Select(row => (row.Partition, row.Row)));
            }

            await index.RemoveAllButAsync(keys, ids, cancellationToken);
            return ids.Count;
        }, cancellationToken);

    /// <summary>
    /// Brings an index of an earlier layout to this one while commands run: every dossier's rows written again where
    /// they are older than its state (each write guarded by version, as a command's), then what the earlier layout left
    /// removed. <paramref name="progress"/> hears the count of dossiers done, every <paramref name="every"/>.
    /// </summary>
    internal async Task<int> UpgradeIndexAsync(int every, Action<int> progress, CancellationToken cancellationToken)
    {
        var done = 0;
        await foreach (var state in dossiers.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {DossierRows.StateKey}"), maxPerPage: 100, cancellationToken: cancellationToken))
        {
            await IndexAsync(state, force: false, cancellationToken);
            if (++done % every == 0)
            {
                progress(done);
            }
        }

        await index.RemoveOutdatedAsync(cancellationToken);
        return done;
    }

    internal Task<int> IndexLayoutAsync(CancellationToken cancellationToken) => index.LayoutAsync(cancellationToken);

    internal Task MarkIndexLayoutAsync(CancellationToken cancellationToken) => index.MarkLayoutAsync(DossierIndexRows.Layout, cancellationToken);

    public Task<IReadOnlyList<DossierSummary>> GetSummariesAsync(IReadOnlyList<string> dossierIds, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read dossier summaries", () => index.GetAsync(dossierIds, cancellationToken), cancellationToken);

    public IAsyncEnumerable<DossierSummary> ReadSummariesAsync(DossierQuery filter, CancellationToken cancellationToken) =>
        Guarded("Read dossier summaries", index.ReadAllAsync(filter, cancellationToken), cancellationToken);

    public IAsyncEnumerable<string> ReadSnapshotsAsync(DossierQuery filter, CancellationToken cancellationToken) =>
        Guarded("Read dossier snapshots", index.ReadSnapshotsAsync(filter, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RegisterEntry>> ReadRegisterAsync(string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read register", async () =>
        {
            var entries = new List<RegisterEntry>();
            await foreach (var entity in dossiers.QueryAsync<TableEntity>(InPartition(dossierId, DossierRows.EventPrefix), cancellationToken: cancellationToken))
            {
                entries.Add(DossierRows.ToRegisterEntry(entity));
            }

            return (IReadOnlyList<RegisterEntry>)entries.OrderBy(entry => entry.Sequence).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ReadOutboxAsync(string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read outbox", async () =>
        {
            var items = new List<OutboxItem>();
            var filter = InPartition(dossierId, DossierRows.OutboxPrefix) + " and Failed eq false";
            await foreach (var entity in dossiers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                items.Add(DossierRows.ToOutboxItem(entity));
            }

            return (IReadOnlyList<OutboxItem>)items;
        }, cancellationToken);

    public Task<OutboxLease> LeaseOutboxAsync(string dossierId, DateTimeOffset until, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Lease outbox", async () =>
        {
            var row = DossierRows.PendingOutbox(dossierId, until);
            try
            {
                // Usually no row: nothing of the dossier is pending, and the lease covers only what its commit adds.
                var added = await dossiers.AddEntityAsync(row, cancellationToken);
                return new OutboxLease(dossierId, added.Headers.ETag?.ToString() ?? "", until, Fresh: true);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
            {
                var response = await dossiers.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
                return new OutboxLease(dossierId, response.Headers.ETag?.ToString() ?? "", until);
            }
        }, cancellationToken);

    public Task<OutboxLease?> RenewOutboxLeaseAsync(OutboxLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Renew outbox lease", async () =>
        {
            try
            {
                var response = await dossiers.UpdateEntityAsync(DossierRows.PendingOutbox(lease.DossierId, until), new ETag(lease.ETag), TableUpdateMode.Replace, cancellationToken);
                return lease with { ETag = response.Headers.ETag?.ToString() ?? "", Until = until };
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception) || StorageErrors.IsNotFound(exception))
            {
                return null;
            }
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxLease>> ClaimDueOutboxAsync(DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Claim pending outbox", async () =>
        {
            var claimed = new List<OutboxLease>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DossierRows.PendingOutboxPartition} and LeasedUntil le {now}");
            await foreach (var entity in dossiers.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
            {
                var due = new OutboxLease(entity.GetString("DossierId"), entity.ETag.ToString(), entity.GetDateTimeOffset("LeasedUntil") ?? now);
                // Guarded by the row's ETag: of two sweeps (or a sweep and a new command), one takes the row.
                if (await RenewOutboxLeaseAsync(due, until, cancellationToken) is { } lease)
                {
                    claimed.Add(lease);
                }

                if (claimed.Count >= max)
                {
                    break;
                }
            }

            return (IReadOnlyList<OutboxLease>)claimed;
        }, cancellationToken);

    public Task ReleaseOutboxLeaseAsync(OutboxLease lease, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Release outbox lease", async () =>
        {
            try
            {
                await dossiers.DeleteEntityAsync(DossierRows.PendingOutboxPartition, DossierRows.PartitionKey(lease.DossierId), new ETag(lease.ETag), cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception) || StorageErrors.IsNotFound(exception))
            {
                // A newer command leased the row again (its items are for its own dispatcher), or it is gone already.
            }
        }, cancellationToken);

    public Task DeleteOutboxAsync(string dossierId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Delete outbox items", async () =>
        {
            var partition = DossierRows.PartitionKey(dossierId);
            foreach (var chunk in itemIds.Chunk(MaxRowsPerCommit))
            {
                try
                {
                    await dossiers.SubmitTransactionAsync(
                        chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, DossierRows.OutboxKey(id)), ETag.All)),
                        cancellationToken);
                }
                catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
                {
                    // One of them was carried out and deleted already (at-least-once dispatch): the others one by one.
                    foreach (var id in chunk)
                    {
                        try
                        {
                            await dossiers.DeleteEntityAsync(partition, DossierRows.OutboxKey(id), ETag.All, cancellationToken);
                        }
                        catch (RequestFailedException gone) when (StorageErrors.IsNotFound(gone))
                        {
                            // Already deleted: nothing left to do.
                        }
                    }
                }
            }
        }, cancellationToken);

    public Task MarkOutboxFailedAsync(string dossierId, string itemId, string reason, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Mark outbox item failed", async () =>
        {
            var failedAt = time.GetUtcNow();
            // Listed in the list of the dossier's authority (the state row says whose it is; a rare read, once per failure).
            var state = await dossiers.GetEntityIfExistsAsync<TableEntity>(DossierRows.PartitionKey(dossierId), DossierRows.StateKey, ["AuthorityId"], cancellationToken);
            var authorityId = state.HasValue ? state.Value!.GetString("AuthorityId") : null;
            // Listed first, so that no item marked failed is ever missing from the list; a listing whose item is
            // gone or retried is skipped when read.
            var listed = DossierRows.FailedOutbox(dossierId, itemId, failedAt, authorityId);
            var mark = new TableEntity(DossierRows.PartitionKey(dossierId), DossierRows.OutboxKey(itemId))
            {
                ["Failed"] = true,
                ["FailureReason"] = reason.Length > 2000 ? reason[..2000] : reason,
                ["FailedAt"] = failedAt,
                ["FailedListing"] = listed.RowKey,
                ["FailedListingPartition"] = listed.PartitionKey,
            };
            await dossiers.UpsertEntityAsync(listed, TableUpdateMode.Replace, cancellationToken);
            try
            {
                await dossiers.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
            {
                // The item is gone: nothing left to mark or to list.
                await DeleteIfExistsAsync(listed.PartitionKey, listed.RowKey, cancellationToken);
            }
        }, cancellationToken);

    /// <summary>
    /// Reads the failed items' own partition of the authority (newest first, <paramref name="max"/> rows), then each
    /// item: never the dossiers' rows, nor another authority's list.
    /// </summary>
    public Task<IReadOnlyList<FailedOutboxItem>> FindFailedOutboxAsync(int max, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Find failed outbox", async () =>
        {
            var listed = new List<TableEntity>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DossierRows.FailedOutboxPartitionOf(authorityId)}");
            await foreach (var entity in dossiers.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
            {
                listed.Add(entity);
                if (listed.Count >= max)
                {
                    break;
                }
            }

            var items = await Task.WhenAll(listed.Select(entity => dossiers.GetEntityIfExistsAsync<TableEntity>(
                DossierRows.PartitionKey(entity.GetString("DossierId")), DossierRows.OutboxKey(entity.GetString("ItemId")), cancellationToken: cancellationToken)));
            return (IReadOnlyList<FailedOutboxItem>)items
                .Where(found => found.HasValue && found.Value!.GetBoolean("Failed") == true)
                .Select(found => DossierRows.ToFailedOutboxItem(found.Value!))
                .ToList();
        }, cancellationToken);

    public Task<OutboxItem?> ResetOutboxFailureAsync(string dossierId, string itemId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Reset outbox failure", async () =>
        {
            var found = await dossiers.GetEntityIfExistsAsync<TableEntity>(DossierRows.PartitionKey(dossierId), DossierRows.OutboxKey(itemId), cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return null;
            }

            var entity = found.Value!;
            entity["Failed"] = false;
            await dossiers.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            if (entity.GetString("FailedListing") is { } listing)
            {
                await DeleteIfExistsAsync(entity.GetString("FailedListingPartition") ?? DossierRows.FailedOutboxPartition, listing, cancellationToken);
            }

            return DossierRows.ToOutboxItem(entity);
        }, cancellationToken);

    public Task<string> ClaimKeyAsync(string key, Func<Task<string>> create, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Claim key", async () =>
        {
            var row = TableKeys.Escape(key);
            var found = await counters.GetEntityIfExistsAsync<TableEntity>(ClaimPartition, row, cancellationToken: cancellationToken);
            if (found.HasValue)
            {
                return found.Value!.GetString("Value");
            }

            var value = await create();
            try
            {
                await counters.AddEntityAsync(new TableEntity(ClaimPartition, row) { ["Value"] = value }, cancellationToken);
                return value;
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
            {
                // A concurrent retry claimed the key first: its value wins, ours is left unused.
                return (await counters.GetEntityAsync<TableEntity>(ClaimPartition, row, cancellationToken: cancellationToken)).Value.GetString("Value");
            }
        }, cancellationToken);

    public Task<IReadOnlyList<DossierSummary>> QueryAsync(DossierQuery query, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Query dossiers", () => index.QueryAsync(query, cancellationToken), cancellationToken);

    public Task<long> NextSequenceAsync(string counterName, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Next sequence", async () =>
        {
            var partition = TableKeys.Escape(counterName);
            for (var attempt = 1; attempt <= MaxCounterAttempts; attempt++)
            {
                try
                {
                    var found = await counters.GetEntityIfExistsAsync<TableEntity>(partition, CounterKey, cancellationToken: cancellationToken);
                    if (!found.HasValue)
                    {
                        await counters.AddEntityAsync(new TableEntity(partition, CounterKey) { ["Value"] = 1L }, cancellationToken);
                        return 1L;
                    }

                    var next = (found.Value!.GetInt64("Value") ?? 0) + 1;
                    var counter = new TableEntity(partition, CounterKey) { ["Value"] = next };
                    await counters.UpdateEntityAsync(counter, found.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                    return next;
                }
                catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
                {
                    // Another writer took this value: read again, after a short random pause to spread the contenders.
                    await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
                }
            }

            throw new ConcurrencyConflictException($"Counter {counterName} stayed contended for {MaxCounterAttempts} attempts.");
        }, cancellationToken);

    private async Task DeleteIfExistsAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await dossiers.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
        {
            // Gone already: nothing left to do.
        }
    }

    private static string InPartition(string dossierId, string rowPrefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {DossierRows.PartitionKey(dossierId)}") + " and " + DossierRows.PrefixFilter(rowPrefix);

    /// <summary>Indexes a state row; a dossier indexed late is placed by its first register entry, when it was created.</summary>
    private async Task<(DossierSummary Summary, string SortKey)> IndexAsync(TableEntity state, bool force, CancellationToken cancellationToken)
    {
        var summary = DossierRows.ToSummary(state);
        var first = await dossiers.GetEntityIfExistsAsync<TableEntity>(
            DossierRows.PartitionKey(summary.DossierId), DossierRows.EventKey(1), ["RecordedAt"], cancellationToken);
        var createdAt = (first.HasValue ? first.Value!.GetDateTimeOffset("RecordedAt") : null) ?? summary.UpdatedAt;
        await index.ApplyAsync(state.GetInt64("Version") ?? 0, summary, JsonChunks.Read(state, "Json"), createdAt, force, cancellationToken);
        return (summary, DossierIndexRows.SortKey(createdAt, summary.DossierId));
    }

    /// <summary>A storage stream whose faults come out as the application's, like every other call of this store.</summary>
    private static async IAsyncEnumerable<T> Guarded<T>(string operation, IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await StorageErrors.GuardAsync(operation, async () => await items.MoveNextAsync(), cancellationToken))
            {
                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }
}
