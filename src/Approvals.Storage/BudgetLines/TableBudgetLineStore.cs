using System.Globalization;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// Budget lines and their ledger in one table, partition = year. A line's row is keyed by its escaped code; each
/// dossier's share of it by "|code|dossier" in the same partition, so that a line's row and a share are written in one
/// transaction. '|' is escaped inside keys and sorts after digits, so the lines come first: "RowKey lt '|'" reads the
/// lines alone.
/// </summary>
public sealed class TableBudgetLineStore(TableServiceClient tables, IOptions<StorageOptions> options) : IBudgetLineStore
{
    private const string SharePrefix = "|";

    private readonly TableClient lines = tables.GetTableClient(options.Value.BudgetLinesTable);

    public Task<BudgetLineBalance?> FindAsync(int year, string code, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find budget line", async () =>
        {
            var found = await lines.GetEntityIfExistsAsync<TableEntity>(Year(year), LineKey(code), cancellationToken: cancellationToken);
            return found.HasValue ? ToBalance(found.Value!) : null;
        }, cancellationToken);

    public Task UpsertAsync(BudgetLineRecord line, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Save budget line", () => lines.UpsertEntityAsync(
            new TableEntity(Year(line.Year), LineKey(line.Code))
            {
                ["Year"] = line.Year,
                ["Code"] = line.Code,
                ["Label"] = line.Label,
                ["Voted"] = Amount(line.Voted),
            },
            // Merge keeps the ledger's totals; the ETag changes, so a reservation that read the old amount voted tries again.
            TableUpdateMode.Merge,
            cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BudgetLineBalance>> ListBalancesAsync(int? year, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List budget lines", async () =>
        {
            var filter = year is { } y
                ? TableClient.CreateQueryFilter($"PartitionKey eq {Year(y)} and RowKey lt {SharePrefix}")
                : TableClient.CreateQueryFilter($"RowKey lt {SharePrefix}");
            var found = new List<BudgetLineBalance>();
            await foreach (var entity in lines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(ToBalance(entity));
            }

            return (IReadOnlyList<BudgetLineBalance>)found.OrderBy(l => l.Year).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task<(BudgetLineBalance? Line, DossierShare? Share)> ReadShareAsync(int year, string code, string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read budget line", async () =>
        {
            // Two point reads at once: an "or" of two row keys would make the service scan the partition.
            var line = lines.GetEntityIfExistsAsync<TableEntity>(Year(year), LineKey(code), cancellationToken: cancellationToken);
            var share = lines.GetEntityIfExistsAsync<TableEntity>(Year(year), ShareKey(code, dossierId), cancellationToken: cancellationToken);
            var (foundLine, foundShare) = (await line, await share);
            return (foundLine.HasValue ? ToBalance(foundLine.Value!) : null, foundShare.HasValue ? ToShare(foundShare.Value!) : null);
        }, cancellationToken);

    public Task WriteAsync(BudgetLineBalance line, DossierShare? share, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { Action(LineRow(line), line.ETag) };
        if (share is not null)
        {
            actions.Add(Action(ShareRow(line.Year, line.Code, share), share.ETag));
        }

        return StorageErrors.GuardAsync("Write budget line", async () =>
        {
            try
            {
                await lines.SubmitTransactionAsync(actions, cancellationToken);
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
            await foreach (var entity in lines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
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
            await foreach (var entity in lines.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add((int.Parse(entity.PartitionKey, CultureInfo.InvariantCulture), entity.GetString("Code") ?? "", ToShare(entity)));
            }

            return (IReadOnlyList<(int, string, DossierShare)>)found;
        }, cancellationToken);

    private static TableTransactionAction Action(TableEntity row, string? etag) =>
        etag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag));

    private static TableEntity LineRow(BudgetLineBalance line) => new(Year(line.Year), LineKey(line.Code))
    {
        ["Year"] = line.Year,
        ["Code"] = line.Code,
        ["Label"] = line.Label,
        // Empty while finance has not registered the line.
        ["Voted"] = line.Voted is { } voted ? Amount(voted) : "",
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

    private static BudgetLineBalance ToBalance(TableEntity entity) => new(
        entity.GetInt32("Year") ?? 0,
        entity.GetString("Code") ?? "",
        entity.GetString("Label") ?? "",
        entity.GetString("Voted") is { Length: > 0 } voted ? Parse(voted) : null,
        Parse(entity.GetString("Committed")),
        Parse(entity.GetString("Reserved")),
        Parse(entity.GetString("Paid")),
        Parse(entity.GetString("Recovered")),
        entity.GetInt32("Dossiers") ?? 0,
        entity.ETag.ToString());

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
