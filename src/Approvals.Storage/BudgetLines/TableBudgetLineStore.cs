using System.Globalization;
using Approvals.Application;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>Budget lines in their own table: partition = year, row = escaped code.</summary>
public sealed class TableBudgetLineStore(TableServiceClient tables, IOptions<StorageOptions> options) : IBudgetLineStore
{
    private readonly TableClient lines = tables.GetTableClient(options.Value.BudgetLinesTable);

    public Task<BudgetLineRecord?> FindAsync(int year, string code, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find budget line", async () =>
        {
            var found = await lines.GetEntityIfExistsAsync<TableEntity>(Year(year), TableKeys.Escape(code), cancellationToken: cancellationToken);
            return found.HasValue ? ToRecord(found.Value!) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<BudgetLineRecord>> ListAsync(int? year, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List budget lines", async () =>
        {
            var filter = year is { } y ? TableClient.CreateQueryFilter($"PartitionKey eq {Year(y)}") : null;
            var found = new List<BudgetLineRecord>();
            await foreach (var entity in lines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(ToRecord(entity));
            }

            return (IReadOnlyList<BudgetLineRecord>)found.OrderBy(l => l.Year).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task UpsertAsync(BudgetLineRecord line, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Save budget line", () => lines.UpsertEntityAsync(
            new TableEntity(Year(line.Year), TableKeys.Escape(line.Code))
            {
                ["Year"] = line.Year,
                ["Code"] = line.Code,
                ["Label"] = line.Label,
                ["Voted"] = line.Voted.ToString(CultureInfo.InvariantCulture),
                ["AidScheme"] = line.AidScheme,
            },
            TableUpdateMode.Replace,
            cancellationToken), cancellationToken);

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static BudgetLineRecord ToRecord(TableEntity entity) => new(
        entity.GetInt32("Year") ?? 0,
        entity.GetString("Code") ?? "",
        entity.GetString("Label") ?? "",
        decimal.Parse(entity.GetString("Voted") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
        entity.GetString("AidScheme"));
}
