using System.Globalization;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// The deadline index in Table Storage: partition = authority and Paris due day (<see cref="PartitionOf"/>; the day as
/// <c>yyyy-MM-dd</c>, which sorts as dates do), row = dossier and deadline. Reading what is due touches only the
/// authority's partitions up to today. The first authority's partitions are the bare day, as every row written before
/// authorities were data; another authority's are prefixed with its id. An id begins with a letter
/// (<see cref="AuthorityIds"/>), which sorts after every digit: a range of bare days never reaches a prefixed partition,
/// and a range of one authority's days never leaves its prefix, so one authority's reads never return another's rows.
/// </summary>
public sealed class TableDeadlineIndex(TableServiceClient tables, IOptions<StorageOptions> options) : IDeadlineIndex
{
    private const int MaxRowsPerTransaction = 100;

    private readonly TableClient deadlines = tables.GetTableClient(options.Value.DeadlinesTable);

    public Task UpsertAsync(IEnumerable<IndexedDeadline> entries, CancellationToken cancellationToken)
    {
        // One transaction per partition and per 100 rows; a row may appear only once in a transaction, the last one wins.
        var batches = entries
            .Select(ToEntity)
            .GroupBy(entity => (entity.PartitionKey, entity.RowKey))
            .Select(same => same.Last())
            .GroupBy(entity => entity.PartitionKey)
            .SelectMany(day => day.Chunk(MaxRowsPerTransaction))
            .ToList();
        return StorageErrors.GuardAsync("Index deadlines", async () =>
        {
            foreach (var batch in batches)
            {
                await deadlines.SubmitTransactionAsync(
                    batch.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)), cancellationToken);
            }
        }, cancellationToken);
    }

    public Task RemoveAsync(IEnumerable<IndexedDeadline> entries, CancellationToken cancellationToken)
    {
        // One transaction per day and per 100 rows, as they are written.
        var batches = entries
            .Select(entry => (Partition: PartitionOf(entry.AuthorityId, entry.Day), Row: RowKey(entry)))
            .Distinct()
            .GroupBy(key => key.Partition)
            .SelectMany(day => day.Chunk(MaxRowsPerTransaction))
            .ToList();
        return StorageErrors.GuardAsync("Remove deadlines", async () =>
        {
            foreach (var batch in batches)
            {
                try
                {
                    await deadlines.SubmitTransactionAsync(
                        batch.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key.Partition, key.Row), ETag.All)),
                        cancellationToken);
                }
                catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
                {
                    // One of them was removed already (removal is idempotent): the others one by one.
                    foreach (var (partition, row) in batch)
                    {
                        await DeleteOneAsync(partition, row, cancellationToken);
                    }
                }
            }
        }, cancellationToken);
    }

    private async Task DeleteOneAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await deadlines.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
        {
            // Already removed: removal is idempotent.
        }
    }

    public Task<IReadOnlyList<IndexedDeadline>> ReadDueAsync(DateOnly upToDay, DateTimeOffset now, string? authorityId, CancellationToken cancellationToken) =>
        ReadAsync(
            TableClient.CreateQueryFilter(
                $"PartitionKey ge {PartitionOf(authorityId, DateOnly.MinValue)} and PartitionKey le {PartitionOf(authorityId, upToDay)} and DueAt le {now}"),
            authorityId,
            cancellationToken);

    public Task<IReadOnlyList<IndexedDeadline>> ReadRangeAsync(DateOnly from, DateOnly to, string? authorityId, CancellationToken cancellationToken) =>
        ReadAsync(
            TableClient.CreateQueryFilter($"PartitionKey ge {PartitionOf(authorityId, from)} and PartitionKey le {PartitionOf(authorityId, to)}"), authorityId, cancellationToken);

    private Task<IReadOnlyList<IndexedDeadline>> ReadAsync(string filter, string? authorityId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read deadlines", async () =>
        {
            var found = new List<IndexedDeadline>();
            await foreach (var entity in deadlines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(new IndexedDeadline(
                    entity.GetString("DossierId"),
                    entity.GetString("DeadlineId"),
                    entity.GetString("Kind") ?? "",
                    DayOf(entity.PartitionKey),
                    entity.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
                    authorityId));
            }

            return (IReadOnlyList<IndexedDeadline>)found.OrderBy(entry => entry.DueAt).ToList();
        }, cancellationToken);

    private static TableEntity ToEntity(IndexedDeadline entry) =>
        new(PartitionOf(entry.AuthorityId, entry.Day), RowKey(entry))
        {
            ["DossierId"] = entry.DossierId,
            ["DeadlineId"] = entry.DeadlineId,
            ["Kind"] = entry.Kind,
            ["DueAt"] = entry.DueAt,
        };

    /// <summary>The day's partition of the authority's deadlines (null: the first authority's, the bare day).</summary>
    internal static string PartitionOf(string? authorityId, DateOnly day) =>
        authorityId is null ? Day(day) : TableKeys.Escape(authorityId) + "|" + Day(day);

    /// <summary>The day of a partition, the last 10 characters of its key whoever's it is.</summary>
    internal static DateOnly DayOf(string partition) =>
        DateOnly.ParseExact(partition[^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string RowKey(IndexedDeadline entry) => $"{TableKeys.Escape(entry.DossierId)}|{TableKeys.Escape(entry.DeadlineId)}";
}
