using System.Globalization;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// The deadline index in Table Storage: partition = Paris due day (<c>yyyy-MM-dd</c>, which sorts as dates do),
/// row = dossier and deadline. Reading what is due touches only the partitions up to today.
/// </summary>
public sealed class TableDeadlineIndex(TableServiceClient tables, IOptions<StorageOptions> options) : IDeadlineIndex
{
    private const int MaxRowsPerTransaction = 100;

    private readonly TableClient deadlines = tables.GetTableClient(options.Value.DeadlinesTable);

    public Task UpsertAsync(IEnumerable<IndexedDeadline> entries, CancellationToken cancellationToken)
    {
        // One transaction per day and per 100 rows; a row may appear only once in a transaction, the last one wins.
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
            .Select(entry => (Partition: Day(entry.Day), Row: RowKey(entry)))
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

    public Task<IReadOnlyList<IndexedDeadline>> ReadDueAsync(DateOnly upToDay, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey le {Day(upToDay)} and DueAt le {now}"), cancellationToken);

    public Task<IReadOnlyList<IndexedDeadline>> ReadRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey ge {Day(from)} and PartitionKey le {Day(to)}"), cancellationToken);

    private Task<IReadOnlyList<IndexedDeadline>> ReadAsync(string filter, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read deadlines", async () =>
        {
            var found = new List<IndexedDeadline>();
            await foreach (var entity in deadlines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(new IndexedDeadline(
                    entity.GetString("DossierId"),
                    entity.GetString("DeadlineId"),
                    entity.GetString("Kind") ?? "",
                    DateOnly.ParseExact(entity.PartitionKey, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    entity.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue));
            }

            return (IReadOnlyList<IndexedDeadline>)found.OrderBy(entry => entry.DueAt).ToList();
        }, cancellationToken);

    private static TableEntity ToEntity(IndexedDeadline entry) =>
        new(Day(entry.Day), RowKey(entry))
        {
            ["DossierId"] = entry.DossierId,
            ["DeadlineId"] = entry.DeadlineId,
            ["Kind"] = entry.Kind,
            ["DueAt"] = entry.DueAt,
        };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string RowKey(IndexedDeadline entry) => $"{TableKeys.Escape(entry.DossierId)}|{TableKeys.Escape(entry.DeadlineId)}";
}
