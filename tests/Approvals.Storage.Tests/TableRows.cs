using Azure.Data.Tables;

namespace Approvals.Storage.Tests;

/// <summary>What a table holds, read whole: for tests that check the rows as stored, not only what the store returns.</summary>
internal static class TableRows
{
    /// <summary>Every row of <paramref name="table"/>, by partition then row key.</summary>
    public static async Task<List<TableEntity>> AllAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            rows.Add(entity);
        }

        return rows.OrderBy(row => row.PartitionKey, StringComparer.Ordinal).ThenBy(row => row.RowKey, StringComparer.Ordinal).ToList();
    }
}
