using System.Runtime.CompilerServices;
using Approvals.Application;
using Approvals.Domain;
using Azure;
using Azure.Data.Tables;

namespace Approvals.Storage;

/// <summary>
/// The dossier list's read model (see <see cref="DossierIndexRows"/>): a page of a listing costs one range query (its
/// rows carry the summaries), a word search one query on the word rows of the most selective word searched and one point
/// read per dossier shown, whatever the number of dossiers stored. Listing rows are kept at one version per dossier by
/// transactions guarded by the dossier's <c>all</c> row; word rows only say where to look, so every word candidate is
/// checked against its summary row, and a word row left behind by a crash or a race is never shown. A summary row is
/// never overwritten by an older version, nor the listing rows.
/// </summary>
internal sealed class DossierIndex(TableClient table, TableClient summaries)
{
    private const int MaxAttempts = 5;

    /// <summary>Candidates read at a time, for the page's point reads.</summary>
    private const int Batch = 64;

    /// <summary>What a listing query reads of each row: the summary, and the version that says the row carries it.</summary>
    private static readonly string[] ListedColumns = [.. DossierRows.SummaryColumns, "Version"];

    /// <summary>Snapshots read at a time by an export.</summary>
    private const int ExportBatch = 100;

    private readonly WrittenSummaries written = new(capacity: 20_000);

    /// <summary>
    /// Brings the dossier's rows to <paramref name="summary"/> unless a newer or equal version is there already
    /// (<paramref name="force"/> rewrites them all, for the rebuild). Idempotent: adds and removes are upserts and
    /// deletes that tolerate being repeated. The rows this process wrote last are remembered (<see cref="written"/>),
    /// so that a command on a dossier it knows writes without reading first: their ETags guard the writes, and a writer
    /// that came in between makes them fail and read. A dossier <paramref name="isNew"/> (its first commit) is written
    /// without reading either: adding it fails if one exists after all. The key rows are written before the summary.
    /// </summary>
    public async Task ApplyAsync(
        long version, DossierSummary summary, string snapshotJson, DateTimeOffset createdAt, bool force, CancellationToken cancellationToken, bool isNew = false)
    {
        var key = DossierIndexRows.SummaryKey(summary.DossierId);
        var known = !force && written.TryGet(summary.DossierId, out var entry) ? entry : null;
        var stored = force ? null
            : known is not null ? known
            : isNew ? null
            : await ReadWrittenAsync(key, cancellationToken);
        var sortKey = stored is { SortKey.Length: > 0 } ? stored.SortKey : DossierIndexRows.SortKey(createdAt, summary.DossierId);
        var listed = await ListAsync(version, summary, sortKey, known, isNew && known is null, force, cancellationToken);
        var summarized = await SummarizeAsync(version, DossierIndexRows.Summary(summary, snapshotJson, version, sortKey), stored, force, cancellationToken);
        if (listed is not null && summarized is not null)
        {
            written.Set(new WrittenSummary(summary, version, sortKey, summarized, listed));
        }
        else
        {
            written.Remove(summary.DossierId);
        }
    }

    /// <summary>The layout the index says it is written in; 0 when it has no marker (an index of before the marker).</summary>
    public async Task<int> LayoutAsync(CancellationToken cancellationToken)
    {
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(DossierIndexRows.LayoutPartition, DossierIndexRows.LayoutPartition, cancellationToken: cancellationToken);
        return marker.HasValue ? marker.Value!.GetInt32("Layout") ?? 0 : 0;
    }

    public Task MarkLayoutAsync(int layout, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(
            new TableEntity(DossierIndexRows.LayoutPartition, DossierIndexRows.LayoutPartition) { ["Layout"] = layout }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Removes what an earlier layout left once every dossier is written in the current one: the rows of other
    /// partitions (layout 1) and the listing rows that carry no summary (layout 2; a dossier's current ones were
    /// replaced in place). Word rows have kept their shape; those of the current partitions stay. Returns the count.
    /// </summary>
    public async Task<int> RemoveOutdatedAsync(CancellationToken cancellationToken)
    {
        var outdated = new List<(string Partition, string Row)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Version"], maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var current = entity.PartitionKey == DossierIndexRows.LayoutPartition
                || (DossierIndexRows.IsIndexPartition(entity.PartitionKey) && (DossierIndexRows.IsWordRow(entity.RowKey) || entity.GetInt64("Version") is not null));
            if (!current)
            {
                outdated.Add((entity.PartitionKey, entity.RowKey));
            }
        }

        foreach (var chunk in outdated.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(key => DeleteOneAsync(table, key.Partition, key.Row, cancellationToken)));
        }

        return outdated.Count;
    }

    /// <summary>
    /// Writes the key rows: the word rows added first (pointers, harmless alone), then the listing rows in one transaction
    /// guarded by the <c>all</c> row (added for a new dossier, else updated at the ETag it had), then the word rows that
    /// went. Returns the <c>all</c> row's new ETag, or null when a newer or equal version is listed already.
    /// </summary>
    private async Task<string?> ListAsync(long version, DossierSummary summary, string sortKey, WrittenSummary? known, bool isNew, bool force, CancellationToken cancellationToken)
    {
        var partition = DossierIndexRows.PartitionOf(summary.AuthorityId);
        var allRow = DossierIndexRows.AllRow(sortKey);
        for (var attempt = 1; ; attempt++)
        {
            var old = force ? null
                : attempt == 1 && known is not null ? new Listed(known.Summary, known.Version, known.ListedETag)
                : attempt == 1 && isNew ? null
                : await ReadListedAsync(partition, allRow, cancellationToken);
            if (old is not null && old.Version >= version)
            {
                return null;
            }

            // A listing row of layout 2 carries no summary: its rows elsewhere are left to the upgrade's clean-up.
            var before = old?.Summary is { } previous ? DossierIndexRows.KeyRows(previous, sortKey) : [];
            var after = DossierIndexRows.KeyRows(summary, sortKey);
            var rows = after.Select(row => row.Row).ToHashSet(StringComparer.Ordinal);
            var oldWords = before.Where(row => !row.Listing).Select(row => row.Row).ToHashSet(StringComparer.Ordinal);
            await WriteKeyRowsAsync(
                after.Where(row => !row.Listing && !oldWords.Contains(row.Row)).Select(row => DossierIndexRows.ToEntity(row, summary, version)).ToList(), [], cancellationToken);

            var guard = DossierIndexRows.ToEntity(after.Single(row => row.Row == allRow), summary, version);
            var actions = new List<TableTransactionAction>
            {
                force ? new(TableTransactionActionType.UpsertReplace, guard)
                : old is null ? new(TableTransactionActionType.Add, guard)
                : new(TableTransactionActionType.UpdateReplace, guard, new ETag(old.ETag)),
            };
            actions.AddRange(after.Where(row => row.Listing && row.Row != allRow)
                .Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, DossierIndexRows.ToEntity(row, summary, version))));
            var gone = before.Where(row => !rows.Contains(row.Row)).ToList();
            var removals = gone.Where(row => row.Listing).Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.Partition, row.Row), ETag.All)).ToList();
            string etag;
            try
            {
                etag = await SubmitGuardedAsync(actions, removals, cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception) && attempt < MaxAttempts)
            {
                // Another writer listed this dossier meanwhile: read its version again, and let the newer one win.
                written.Remove(summary.DossierId);
                continue;
            }

            await WriteKeyRowsAsync([], gone.Where(row => !row.Listing).Select(row => new TableEntity(row.Partition, row.Row)).ToList(), cancellationToken);
            return etag;
        }
    }

    /// <summary>
    /// The guarded transaction, with the listing rows the dossier left. Should one of those be gone already (a rebuild
    /// removed it), the transaction fails on it: it is then submitted without them, and they are deleted one by one.
    /// </summary>
    private async Task<string> SubmitGuardedAsync(List<TableTransactionAction> actions, List<TableTransactionAction> removals, CancellationToken cancellationToken)
    {
        Response<IReadOnlyList<Response>> responses;
        try
        {
            responses = await table.SubmitTransactionAsync(actions.Concat(removals), cancellationToken);
        }
        catch (RequestFailedException exception) when (removals.Count > 0 && StorageErrors.IsNotFound(exception))
        {
            responses = await table.SubmitTransactionAsync(actions, cancellationToken);
            foreach (var removal in removals)
            {
                await DeleteOneAsync(table, removal.Entity.PartitionKey, removal.Entity.RowKey, cancellationToken);
            }
        }

        return responses.Value[0].Headers.ETag?.ToString() ?? "";
    }

    /// <summary>
    /// Writes the summary row unless a newer or equal version is there already; <paramref name="stored"/> is the row as
    /// known (null: none). Returns its new ETag, or null when it was left as it was.
    /// </summary>
    private async Task<string?> SummarizeAsync(long version, TableEntity entity, WrittenSummary? stored, bool force, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!force && stored is not null && stored.Version >= version)
            {
                return null;
            }

            try
            {
                var write = force ? await summaries.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                    : stored is null ? await summaries.AddEntityAsync(entity, cancellationToken)
                    : await summaries.UpdateEntityAsync(entity, new ETag(stored.ETag), TableUpdateMode.Replace, cancellationToken);
                return write.Headers.ETag?.ToString() ?? "";
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception) && attempt < MaxAttempts)
            {
                // Another writer wrote this summary meanwhile: read its version again, and let the newer one win.
                stored = await ReadWrittenAsync(entity.PartitionKey, cancellationToken);
            }
        }
    }

    /// <summary>The <c>all</c> row as stored: the version its summary is at (0 for a row of layout 2), null when absent.</summary>
    private async Task<Listed?> ReadListedAsync(string partition, string allRow, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, allRow, ListedColumns, cancellationToken);
        return found.HasValue && found.Value is { } entity
            ? new Listed(DossierIndexRows.Listed(entity), entity.GetInt64("Version") ?? 0, entity.ETag.ToString())
            : null;
    }

    /// <summary>A dossier's <c>all</c> row as read: its summary (null for layout 2), version and ETag.</summary>
    private sealed record Listed(DossierSummary? Summary, long Version, string ETag);

    /// <summary>
    /// Indexes dossiers not indexed yet, together (a bulk load): each summary added on its own (a partition each), the
    /// key rows of all of them in transactions of a hundred (one partition), <paramref name="parallel"/> requests at a time.
    /// </summary>
    public async Task ImportAsync(
        IReadOnlyList<(long Version, DossierSummary Summary, string SnapshotJson, DateTimeOffset CreatedAt)> dossiers, int parallel, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        var keyRows = dossiers.SelectMany(d => DossierIndexRows.KeyRows(d.Summary, DossierIndexRows.SortKey(d.CreatedAt, d.Summary.DossierId))
            .Select(row => DossierIndexRows.ToEntity(row, d.Summary, d.Version)));
        var batches = keyRows.GroupBy(row => row.PartitionKey).SelectMany(partition => partition.Chunk(TableDossierStore.MaxRowsPerCommit)).ToList();
        await Parallel.ForEachAsync(batches, options, async (batch, token) => await table.SubmitTransactionAsync(
            batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), token));
        await Parallel.ForEachAsync(dossiers, options, async (d, token) => await summaries.UpsertEntityAsync(
            DossierIndexRows.Summary(d.Summary, d.SnapshotJson, d.Version, DossierIndexRows.SortKey(d.CreatedAt, d.Summary.DossierId)), TableUpdateMode.Replace, token));
    }

    public async Task<IReadOnlyList<DossierSummary>> QueryAsync(DossierQuery query, CancellationToken cancellationToken)
    {
        var wanted = (long)Math.Max(query.Skip, 0) + Math.Max(query.Take, 0);
        if (query.Take <= 0)
        {
            return [];
        }

        var found = new List<DossierSummary>();
        var candidates = new List<(string DossierId, DossierSummary? Listed)>(Batch);
        await foreach (var candidate in CandidatesAsync(query, cancellationToken))
        {
            candidates.Add(candidate);
            if (candidates.Count == Math.Min(Batch, wanted - found.Count))
            {
                found.AddRange((await ResolveAsync(candidates, cancellationToken)).Where(summary => DossierSearch.Matches(summary, query)));
                candidates.Clear();
                if (found.Count >= wanted)
                {
                    break;
                }
            }
        }

        found.AddRange((await ResolveAsync(candidates, cancellationToken)).Where(summary => DossierSearch.Matches(summary, query)));
        return found.Skip(Math.Max(query.Skip, 0)).Take(Math.Max(query.Take, 0)).ToList();
    }

    /// <summary>The candidates' summaries in their order: a listing row's own, else the summary row's (one point read each).</summary>
    private async Task<IEnumerable<DossierSummary>> ResolveAsync(List<(string DossierId, DossierSummary? Listed)> candidates, CancellationToken cancellationToken)
    {
        var read = (await GetAsync(candidates.Where(c => c.Listed is null).Select(c => c.DossierId).ToList(), cancellationToken))
            .ToDictionary(summary => summary.DossierId, StringComparer.Ordinal);
        return candidates.Select(c => c.Listed ?? read.GetValueOrDefault(c.DossierId)).OfType<DossierSummary>().ToList();
    }

    /// <summary>The summaries of the dossiers, in the order asked; those not indexed are left out.</summary>
    public async Task<IReadOnlyList<DossierSummary>> GetAsync(IReadOnlyList<string> dossierIds, CancellationToken cancellationToken)
    {
        var found = new List<DossierSummary>(dossierIds.Count);
        foreach (var chunk in dossierIds.Distinct().Chunk(Batch))
        {
            var reads = await Task.WhenAll(chunk.Select(id => summaries.GetEntityIfExistsAsync<TableEntity>(
                DossierIndexRows.SummaryKey(id), DossierIndexRows.SummaryKey(id), DossierRows.SummaryColumns, cancellationToken)));
            found.AddRange(reads.Where(read => read.HasValue).Select(read => DossierRows.ToSummary(read.Value!)));
        }

        return found;
    }

    /// <summary>Every summary matching the query's filters, a thousand per request, in dossier number order.</summary>
    public async IAsyncEnumerable<DossierSummary> ReadAllAsync(DossierQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in summaries.QueryAsync<TableEntity>(ServerFilter(filter), maxPerPage: 1000, select: DossierRows.SummaryColumns, cancellationToken: cancellationToken))
        {
            var summary = DossierRows.ToSummary(entity);
            if (DossierSearch.Matches(summary, filter))
            {
                yield return summary;
            }
        }
    }

    /// <summary>
    /// The snapshots of the authority's dossiers matching the query's filters, in dossier number order, never through a
    /// filter over every authority's summaries. An export of the authority, or of a year, reads the authority's range of
    /// summary keys (a dossier's id is its number, which starts with its authority's code: <see cref="AuthorityRange"/>),
    /// a hundred rows per request. A narrower query finds its dossiers in the authority's own index partition (the
    /// listing that narrows it most, ids only), then point-reads their summaries a hundred at a time. A hundred snapshots
    /// are the memory an export holds (a thousand would be some 20 MB).
    /// </summary>
    public async IAsyncEnumerable<string> ReadSnapshotsAsync(DossierQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (filter is { Stage: null, BudgetLineCode: null, Beneficiary: null, Text: null, ProgrammeId: null, ReportOverdue: false })
        {
            await foreach (var entity in summaries.QueryAsync<TableEntity>(AuthorityRange(filter.AuthorityId), maxPerPage: ExportBatch, cancellationToken: cancellationToken))
            {
                // The year is the budget line's, not the number's: checked here, as the authority.
                if (DossierSearch.Matches(DossierRows.ToSummary(entity), filter))
                {
                    yield return JsonChunks.Read(entity, "Json");
                }
            }

            yield break;
        }

        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var (dossierId, _) in CandidatesAsync(filter with { Skip = 0, Take = int.MaxValue }, cancellationToken))
        {
            ids.Add(DossierIndexRows.SummaryKey(dossierId));
        }

        foreach (var chunk in ids.Chunk(ExportBatch))
        {
            var reads = await Task.WhenAll(chunk.Select(key => summaries.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: cancellationToken)));
            foreach (var read in reads)
            {
                // A key row left behind by a crash, or of a listing the dossier has left, is checked against its summary.
                if (read.HasValue && read.Value is { } entity && DossierSearch.Matches(DossierRows.ToSummary(entity), filter))
                {
                    yield return JsonChunks.Read(entity, "Json");
                }
            }
        }
    }

    /// <summary>Removes the rows of both tables no dossier explains (the rebuild's last step).</summary>
    public async Task RemoveAllButAsync(IReadOnlySet<(string Partition, string Row)> keys, IReadOnlySet<string> dossierIds, CancellationToken cancellationToken)
    {
        foreach (var (client, expected) in new[] { (table, keys), (summaries, dossierIds.Select(id => (DossierIndexRows.SummaryKey(id), DossierIndexRows.SummaryKey(id))).ToHashSet()) })
        {
            var stale = new List<(string Partition, string Row)>();
            await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                if (!expected.Contains((entity.PartitionKey, entity.RowKey)) && entity.PartitionKey != DossierIndexRows.LayoutPartition)
                {
                    stale.Add((entity.PartitionKey, entity.RowKey));
                }
            }

            foreach (var chunk in stale.Chunk(16))
            {
                await Task.WhenAll(chunk.Select(key => DeleteOneAsync(client, key.Partition, key.Row, cancellationToken)));
            }
        }
    }

    /// <summary>
    /// Dossier ids in sort order from the listing that narrows the query most: the rows of the query's longest word
    /// (every start of a word has its own rows, already in sort order), else of its budget line, programme, stage or
    /// year; with the summary a listing row carries (null for a word row, or a listing row of layout 2).
    /// </summary>
    private async IAsyncEnumerable<(string DossierId, DossierSummary? Listed)> CandidatesAsync(DossierQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listing =
            Narrowest(query.Text) is { } textWord ? DossierIndexRows.Word(DossierIndexRows.TextWords, textWord)
            : Narrowest(query.Beneficiary) is { } nameWord ? DossierIndexRows.Word(DossierIndexRows.BeneficiaryWords, nameWord)
            : query.BudgetLineCode is { } line ? DossierIndexRows.Line(line)
            : query.ProgrammeId is { } programme ? DossierIndexRows.Programme(programme)
            : query.ReportOverdue ? DossierIndexRows.Overdue
            : query.Stage is { } stage ? DossierIndexRows.Stage(stage)
            : query.Year is { } year ? DossierIndexRows.Year(year)
            : DossierIndexRows.All;
        var pageSize = (int)Math.Clamp((long)query.Skip + query.Take + 1, 1, 1000);
        var filter = DossierIndexRows.Range(query.AuthorityId, listing);
        var words = listing.StartsWith(DossierIndexRows.TextWords + "|", StringComparison.Ordinal) || listing.StartsWith(DossierIndexRows.BeneficiaryWords + "|", StringComparison.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: words ? ["DossierId"] : ListedColumns, cancellationToken: cancellationToken))
        {
            yield return (entity.GetString("DossierId"), words ? null : DossierIndexRows.Listed(entity));
        }
    }

    /// <summary>The longest word, the last of equals ("SUB-2026-0042" → "0042", not the year every dossier of 2026 has).</summary>
    private static string? Narrowest(string? text) => DossierSearch.Words(text).OrderBy(word => word.Length).LastOrDefault();

    /// <summary>
    /// Adds and removes word rows, a hundred per transaction (one partition). A removal of a row already gone fails its
    /// transaction: the rows are then written again one by one, tolerating what is gone.
    /// </summary>
    private async Task WriteKeyRowsAsync(IReadOnlyList<TableEntity> add, IReadOnlyList<TableEntity> remove, CancellationToken cancellationToken)
    {
        var actions = add.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))
            .Concat(remove.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)));
        foreach (var batch in actions.Chunk(TableDossierStore.MaxRowsPerCommit))
        {
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
            {
                foreach (var action in batch)
                {
                    await (action.ActionType == TableTransactionActionType.Delete
                        ? DeleteOneAsync(table, action.Entity.PartitionKey, action.Entity.RowKey, cancellationToken)
                        : table.UpsertEntityAsync((TableEntity)action.Entity, TableUpdateMode.Replace, cancellationToken));
                }
            }
        }
    }

    /// <summary>The summary row as stored, as far as a write needs it (its listing rows unread); null when the dossier is not indexed.</summary>
    private async Task<WrittenSummary?> ReadWrittenAsync(string key, CancellationToken cancellationToken)
    {
        var found = await summaries.GetEntityIfExistsAsync<TableEntity>(key, key, [.. DossierRows.SummaryColumns, "Version", "SortKey"], cancellationToken);
        return found.HasValue && found.Value is { } entity
            ? new WrittenSummary(DossierRows.ToSummary(entity), entity.GetInt64("Version") ?? 0, entity.GetString("SortKey") ?? "", entity.ETag.ToString(), ListedETag: "")
            : null;
    }

    /// <summary>Table Storage filters on the columns that are equal or not; the words are matched here.</summary>
    /// <summary>
    /// The summary keys of the authority's numbers: its start (<see cref="DossierNumber.StartOf"/>, <c>SUB-</c> or
    /// <c>PMA-SUB-</c>) followed by a year's digit. Another authority's numbers begin with its code, which begins with a
    /// letter, so they fall outside the range; the one exception, an id that is this authority's start plus a digit
    /// (<c>pma-sub-2</c> against <c>pma</c>), is left out by the summary's own authority.
    /// </summary>
    private static string AuthorityRange(string? authorityId)
    {
        var start = DossierIndexRows.SummaryKey(DossierNumber.StartOf(DossierNumber.CodeOf(authorityId)));
        return TableClient.CreateQueryFilter($"PartitionKey ge {start + "0"} and PartitionKey lt {start + ":"}");
    }

    private static string? ServerFilter(DossierQuery filter)
    {
        var clauses = new List<string>();
        if (filter.AuthorityId is { } authority)
        {
            clauses.Add(TableClient.CreateQueryFilter($"AuthorityId eq {authority}"));
        }

        if (filter.Stage is { } stage)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Stage eq {stage}"));
        }

        if (filter.Year is { } year)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Year eq {year}"));
        }

        if (filter.BudgetLineCode is { } line)
        {
            clauses.Add(TableClient.CreateQueryFilter($"BudgetLineCode eq {line}"));
        }

        if (filter.ProgrammeId is { } programme)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ProgrammeId eq {programme}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static async Task DeleteOneAsync(TableClient client, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
        {
            // Removed already (a repeated or concurrent update): nothing left to do.
        }
    }
}
