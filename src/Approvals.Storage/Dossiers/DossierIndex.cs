using System.Runtime.CompilerServices;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;

namespace Approvals.Storage;

/// <summary>
/// The dossier list's read model (see <see cref="DossierIndexRows"/>): a page costs one query on a listing (or on the
/// word rows of the most selective word searched) and one point read per dossier shown, whatever the number of
/// dossiers stored. Key rows only say where to look: every candidate is checked against its summary row, so a key row
/// left behind by a crash or a race is never shown, and a summary is never overwritten by an older version.
/// </summary>
internal sealed class DossierIndex(TableClient table, TableClient summaries)
{
    private const int MaxAttempts = 5;

    /// <summary>Candidates read at a time, for the page's point reads.</summary>
    private const int Batch = 64;

    /// <summary>Snapshots read at a time by an export.</summary>
    private const int ExportBatch = 100;

    private readonly WrittenSummaries written = new(capacity: 20_000);

    /// <summary>
    /// Brings the dossier's rows to <paramref name="summary"/> unless a newer or equal version is there already
    /// (<paramref name="force"/> rewrites them all, for the rebuild). Idempotent: adds and removes are upserts and
    /// deletes that tolerate being repeated. The summary row this process wrote last is remembered (<see cref="written"/>),
    /// so that a command on a dossier it knows writes without reading first: its ETag guards the write, and a writer
    /// that came in between makes it fail and read. A dossier <paramref name="isNew"/> (its first commit) is written
    /// without reading either: adding it fails if one exists after all. The key rows (added and removed, one
    /// transaction) are written before the summary.
    /// </summary>
    public async Task ApplyAsync(
        long version, DossierSummary summary, string snapshotJson, DateTimeOffset createdAt, bool force, CancellationToken cancellationToken, bool isNew = false)
    {
        var key = DossierIndexRows.SummaryKey(summary.DossierId);
        for (var attempt = 1; ; attempt++)
        {
            var old = force ? null
                : attempt == 1 && isNew ? null
                : attempt == 1 && written.TryGet(summary.DossierId, out var known) ? known
                : await ReadWrittenAsync(key, cancellationToken);
            if (old is not null && old.Version >= version)
            {
                return;
            }

            var sortKey = old is { SortKey.Length: > 0 } ? old.SortKey : DossierIndexRows.SortKey(createdAt, summary.DossierId);
            var before = old is null ? [] : DossierIndexRows.KeyRows(old.Summary, sortKey);
            var after = DossierIndexRows.KeyRows(summary, sortKey);
            var entity = DossierIndexRows.Summary(summary, snapshotJson, version, sortKey);
            // The key rows first: a summary at a version says its key rows are there (the outbox's retry relies on it).
            await WriteKeyRowsAsync(after.Except(before).ToList(), before.Except(after).ToList(), cancellationToken);
            Response write;
            try
            {
                write = force ? await summaries.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                    : old is null ? await summaries.AddEntityAsync(entity, cancellationToken)
                    : await summaries.UpdateEntityAsync(entity, new ETag(old.ETag), TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception) && attempt < MaxAttempts)
            {
                // Another writer indexed this dossier meanwhile: read its version again, and let the newer one win.
                written.Remove(summary.DossierId);
                continue;
            }

            written.Set(new WrittenSummary(summary, version, sortKey, write.Headers.ETag?.ToString() ?? ""));
            return;
        }
    }

    /// <summary>
    /// Indexes dossiers not indexed yet, together (a bulk load): each summary added on its own (a partition each), the
    /// key rows of all of them in transactions of a hundred (one partition), <paramref name="parallel"/> requests at a time.
    /// </summary>
    public async Task ImportAsync(
        IReadOnlyList<(long Version, DossierSummary Summary, string SnapshotJson, DateTimeOffset CreatedAt)> dossiers, int parallel, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        var keyRows = dossiers.SelectMany(d => DossierIndexRows.KeyRows(d.Summary, DossierIndexRows.SortKey(d.CreatedAt, d.Summary.DossierId)));
        var batches = keyRows.GroupBy(row => row.Partition).SelectMany(partition => partition.Chunk(TableDossierStore.MaxRowsPerCommit)).ToList();
        await Parallel.ForEachAsync(batches, options, async (batch, token) => await table.SubmitTransactionAsync(
            batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, DossierIndexRows.ToEntity(row))), token));
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
        var candidates = new List<string>(Batch);
        await foreach (var dossierId in CandidatesAsync(query, cancellationToken))
        {
            candidates.Add(dossierId);
            if (candidates.Count == Math.Min(Batch, wanted - found.Count))
            {
                found.AddRange((await GetAsync(candidates, cancellationToken)).Where(summary => DossierSearch.Matches(summary, query)));
                candidates.Clear();
                if (found.Count >= wanted)
                {
                    break;
                }
            }
        }

        found.AddRange((await GetAsync(candidates, cancellationToken)).Where(summary => DossierSearch.Matches(summary, query)));
        return found.Skip(Math.Max(query.Skip, 0)).Take(Math.Max(query.Take, 0)).ToList();
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
    /// The snapshots of the authority's dossiers matching the query's filters, in dossier number order. The dossiers are
    /// found in the authority's own index partition (the listing that narrows the query most, ids only), never by a
    /// filter over every authority's summaries; their summary rows are then point-read a hundred at a time: a hundred
    /// snapshots are the memory an export holds (a thousand would be some 20 MB).
    /// </summary>
    public async IAsyncEnumerable<string> ReadSnapshotsAsync(DossierQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var dossierId in CandidatesAsync(filter with { Skip = 0, Take = int.MaxValue }, cancellationToken))
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
                if (!expected.Contains((entity.PartitionKey, entity.RowKey)))
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
    /// (every start of a word has its own rows, already in sort order), else of its budget line, programme, stage or year.
    /// </summary>
    private async IAsyncEnumerable<string> CandidatesAsync(DossierQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
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
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["DossierId"], cancellationToken: cancellationToken))
        {
            yield return entity.GetString("DossierId");
        }
    }

    /// <summary>The longest word, the last of equals ("SUB-2026-0042" → "0042", not the year every dossier of 2026 has).</summary>
    private static string? Narrowest(string? text) => DossierSearch.Words(text).OrderBy(word => word.Length).LastOrDefault();

    /// <summary>
    /// Adds and removes key rows, a hundred per transaction (one partition). A removal of a row already gone fails its
    /// transaction: the rows are then written again one by one, tolerating what is gone.
    /// </summary>
    private async Task WriteKeyRowsAsync(IReadOnlyList<DossierIndexRows.KeyRow> add, IReadOnlyList<DossierIndexRows.KeyRow> remove, CancellationToken cancellationToken)
    {
        var actions = add.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, DossierIndexRows.ToEntity(row)))
            .Concat(remove.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, DossierIndexRows.ToEntity(row), ETag.All)));
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

    /// <summary>The summary row as stored, as far as a write needs it; null when the dossier is not indexed.</summary>
    private async Task<WrittenSummary?> ReadWrittenAsync(string key, CancellationToken cancellationToken)
    {
        var found = await summaries.GetEntityIfExistsAsync<TableEntity>(key, key, [.. DossierRows.SummaryColumns, "Version", "SortKey"], cancellationToken);
        return found.HasValue && found.Value is { } entity
            ? new WrittenSummary(DossierRows.ToSummary(entity), entity.GetInt64("Version") ?? 0, entity.GetString("SortKey") ?? "", entity.ETag.ToString())
            : null;
    }

    /// <summary>Table Storage filters on the columns that are equal or not; the words are matched here.</summary>
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
