using System.Globalization;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// Budget lines in two tables, partition = year. The lines table holds what finance registers (label, amount voted),
/// one row per line, keyed by the escaped code. The ledger table holds each line's running totals under the same key
/// and, in the same partition, each dossier's share of them keyed "|code|dossier", so that a line's totals and a share
/// are written in one transaction. Lists query the lines table alone and read each line's totals by key: the cost of a
/// list follows the lines, never the dossiers (a filter, even on a key range, makes the emulator scan its whole table).
/// </summary>
public sealed class TableBudgetLineStore(TableServiceClient tables, IOptions<StorageOptions> options) : IBudgetLineStore
{
    private const string SharePrefix = "|";

    private readonly TableClient lines = tables.GetTableClient(options.Value.BudgetLinesTable);

    private readonly TableClient ledger = tables.GetTableClient(options.Value.BudgetLedgerTable);

    public Task<BudgetLineBalance?> FindAsync(int year, string code, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find budget line", async () =>
        {
            var registered = lines.GetEntityIfExistsAsync<TableEntity>(Year(year), LineKey(code), cancellationToken: cancellationToken);
            var totals = ledger.GetEntityIfExistsAsync<TableEntity>(Year(year), LineKey(code), cancellationToken: cancellationToken);
            return Balance(year, code, Value(await registered), Value(await totals));
        }, cancellationToken);

    public Task UpsertAsync(BudgetLineRecord line, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Save budget line", () => lines.UpsertEntityAsync(
            new TableEntity(Year(line.Year), LineKey(line.Code))
            {
                ["Year"] = line.Year,
                ["Code"] = line.Code,
                ["Label"] = line.Label,
                ["Voted"] = Amount(line.Voted),
                ["AidScheme"] = line.AidScheme,
            },
            TableUpdateMode.Replace,
            cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BudgetLineBalance>> ListBalancesAsync(int? year, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List budget lines", async () =>
        {
            var filter = year is { } y ? TableClient.CreateQueryFilter($"PartitionKey eq {Year(y)}") : null;
            var registered = new List<TableEntity>();
            await foreach (var entity in lines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                registered.Add(entity);
            }

            var found = new BudgetLineBalance?[registered.Count];
            await Parallel.ForAsync(0, registered.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
            {
                var line = registered[i];
                var totals = await ledger.GetEntityIfExistsAsync<TableEntity>(line.PartitionKey, line.RowKey, cancellationToken: token);
                found[i] = Balance(line.GetInt32("Year") ?? 0, line.GetString("Code") ?? "", line, Value(totals));
            });
            return (IReadOnlyList<BudgetLineBalance>)found.OfType<BudgetLineBalance>().OrderBy(l => l.Year).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task<(BudgetLineBalance? Line, DossierShare? Share)> ReadShareAsync(int year, string code, string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read budget line", async () =>
        {
            // Three point reads at once: an "or" of row keys would make the service scan the partition.
            var registered = lines.GetEntityIfExistsAsync<TableEntity>(Year(year), LineKey(code), cancellationToken: cancellationToken);
            var totals = ledger.GetEntityIfExistsAsync<TableEntity>(Year(year), LineKey(code), cancellationToken: cancellationToken);
            var share = ledger.GetEntityIfExistsAsync<TableEntity>(Year(year), ShareKey(code, dossierId), cancellationToken: cancellationToken);
            return (Balance(year, code, Value(await registered), Value(await totals)), Value(await share) is { } found ? ToShare(found) : null);
        }, cancellationToken);

    public Task<(BudgetLineBalance? Totals, DossierShare? Share)> ReadTotalsAndShareAsync(int year, string code, string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read budget line totals", async () =>
        {
            var totals = ledger.GetEntityIfExistsAsync<TableEntity>(Year(year), LineKey(code), cancellationToken: cancellationToken);
            var share = ledger.GetEntityIfExistsAsync<TableEntity>(Year(year), ShareKey(code, dossierId), cancellationToken: cancellationToken);
            return (Balance(year, code, null, Value(await totals)), Value(await share) is { } found ? ToShare(found) : null);
        }, cancellationToken);

    public Task WriteAsync(BudgetLineBalance line, DossierShare? share, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { Action(TotalsRow(line), line.ETag) };
        if (share is not null)
        {
            actions.Add(Action(ShareRow(line.Year, line.Code, share), share.ETag));
        }

        return StorageErrors.GuardAsync("Write budget line", async () =>
        {
            try
            {
                await ledger.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
            {
                throw new ConcurrencyConflictException($"Budget line {line.Year} {line.Code} changed since it was read.", exception);
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<DossierShare>> ListSharesAsync(int year, string code, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List budget line shares", async () =>
        {
            var prefix = ShareKey(code, "");
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Year(year)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
            var found = new List<DossierShare>();
            await foreach (var entity in ledger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(ToShare(entity));
            }

            return (IReadOnlyList<DossierShare>)found;
        }, cancellationToken);

    public Task<IReadOnlyList<(int Year, string Code, DossierShare Share)>> FindReservationsAsync(DateTimeOffset reservedBefore, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find budget reservations", async () =>
        {
            var filter = TableClient.CreateQueryFilter($"RowKey ge {SharePrefix} and ReservedVersion gt {0L} and ReservedAt lt {reservedBefore}");
            var found = new List<(int, string, DossierShare)>();
            await foreach (var entity in ledger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add((int.Parse(entity.PartitionKey, CultureInfo.InvariantCulture), entity.GetString("Code") ?? "", ToShare(entity)));
            }

            return (IReadOnlyList<(int, string, DossierShare)>)found;
        }, cancellationToken);

    /// <summary>The line as registered (label, voted) with its totals; null when neither row exists.</summary>
    private static BudgetLineBalance? Balance(int year, string code, TableEntity? line, TableEntity? sums) =>
        line is null && sums is null
            ? null
            : new BudgetLineBalance(
            year,
            line?.GetString("Code") ?? code,
            line?.GetString("Label") ?? "",
            line is null ? null : Parse(line.GetString("Voted")),
            Parse(sums?.GetString("Committed")),
            Parse(sums?.GetString("Reserved")),
            Parse(sums?.GetString("Paid")),
            Parse(sums?.GetString("Recovered")),
            sums?.GetInt32("Dossiers") ?? 0,
            sums?.ETag.ToString(),
            line?.GetString("AidScheme"));

    private static TableEntity? Value(NullableResponse<TableEntity> found) => found.HasValue ? found.Value : null;

    private static TableTransactionAction Action(TableEntity row, string? etag) =>
        etag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag));

    private static TableEntity TotalsRow(BudgetLineBalance line) => new(Year(line.Year), LineKey(line.Code))
    {
        ["Code"] = line.Code,
        ["Committed"] = Amount(line.Committed),
        ["Reserved"] = Amount(line.Reserved),
        ["Paid"] = Amount(line.Paid),
        ["Recovered"] = Amount(line.Recovered),
        ["Dossiers"] = line.Dossiers,
    };

    private static TableEntity ShareRow(int year, string code, DossierShare share)
    {
        var row = new TableEntity(Year(year), ShareKey(code, share.DossierId))
        {
            ["Code"] = code,
            ["DossierId"] = share.DossierId,
            ["Version"] = share.Version,
            ["Committed"] = Amount(share.Committed),
            ["Paid"] = Amount(share.Paid),
            ["Recovered"] = Amount(share.Recovered),
            ["Reserved"] = Amount(share.Reserved),
            ["ReservedVersion"] = share.ReservedVersion,
        };
        if (share.ReservedAt is { } reservedAt)
        {
            row["ReservedAt"] = reservedAt;
        }

        return row;
    }

    private static DossierShare ToShare(TableEntity entity) => new(
        entity.GetString("DossierId") ?? "",
        entity.GetInt64("Version") ?? 0,
        Parse(entity.GetString("Committed")),
        Parse(entity.GetString("Paid")),
        Parse(entity.GetString("Recovered")),
        Parse(entity.GetString("Reserved")),
        entity.GetInt64("ReservedVersion") ?? 0,
        entity.GetDateTimeOffset("ReservedAt"),
        entity.ETag.ToString());

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string LineKey(string code) => TableKeys.Escape(code);

    private static string ShareKey(string code, string dossierId) => $"{SharePrefix}{TableKeys.Escape(code)}|{TableKeys.Escape(dossierId)}";

    /// <summary>Decimals as invariant strings: Table Storage has no decimal type and a double would lose cents.</summary>
    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string? amount) =>
        string.IsNullOrEmpty(amount) ? 0m : decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture);
}
