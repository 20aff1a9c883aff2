using System.Globalization;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// Budget lines in two tables, partition = authority and year (<see cref="PartitionOf"/>). The lines table holds what finance registers (label, amount voted),
/// one row per line, keyed by the escaped code. The ledger table holds each line's running totals under the same key
/// and, in the same partition, each dossier's share of them keyed "|code|dossier", so that a line's totals and a share
/// are written in one transaction. Lists query the lines table alone and read each line's totals by key: the cost of a
/// list follows the lines, never the dossiers (a filter, even on a key range, makes the emulator scan its whole table).
/// The first authority's partitions are the bare year, as every row written before authorities were data: those rows
/// are the first authority's as they are, with nothing to migrate. Another authority's are prefixed with its escaped id,
/// so that one authority's lines, shares and reservations are never read by another's queries.
/// </summary>
public sealed class TableBudgetLineStore(TableServiceClient tables, IOptions<StorageOptions> options) : IBudgetLineStore
{
    private const string SharePrefix = "|";

    /// <summary>Row keys of the reservations' copies of the shares, in the year's partition (after every line and share).</summary>
    private const string ReservationPrefix = "~reserved|";

    private readonly TableClient lines = tables.GetTableClient(options.Value.BudgetLinesTable);

    private readonly TableClient ledger = tables.GetTableClient(options.Value.BudgetLedgerTable);

    public Task<BudgetLineBalance?> FindAsync(int year, string code, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Find budget line", async () =>
        {
            var registered = lines.GetEntityIfExistsAsync<TableEntity>(PartitionOf(authorityId, year), LineKey(code), cancellationToken: cancellationToken);
            var totals = ledger.GetEntityIfExistsAsync<TableEntity>(PartitionOf(authorityId, year), LineKey(code), cancellationToken: cancellationToken);
            return Balance(authorityId, year, code, Value(await registered), Value(await totals));
        }, cancellationToken);

    public Task UpsertAsync(BudgetLineRecord line, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Save budget line", () => lines.UpsertEntityAsync(
            new TableEntity(PartitionOf(authorityId, line.Year), LineKey(line.Code))
            {
                ["Year"] = line.Year,
                ["Code"] = line.Code,
                ["Label"] = line.Label,
                ["Voted"] = Amount(line.Voted),
                ["AidScheme"] = line.AidScheme,
            },
            TableUpdateMode.Replace,
            cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BudgetLineBalance>> ListBalancesAsync(int? year, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("List budget lines", async () =>
        {
            var registered = new List<TableEntity>();
            await foreach (var entity in lines.QueryAsync<TableEntity>(YearsOf(authorityId, year), cancellationToken: cancellationToken))
            {
                // The range of the first authority's bare years also holds the partitions of authorities whose id starts with a digit.
                if (entity.PartitionKey == PartitionOf(authorityId, entity.GetInt32("Year") ?? 0))
                {
                    registered.Add(entity);
                }
            }

            var found = new BudgetLineBalance?[registered.Count];
            await Parallel.ForAsync(0, registered.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
            {
                var line = registered[i];
                var totals = await ledger.GetEntityIfExistsAsync<TableEntity>(line.PartitionKey, line.RowKey, cancellationToken: token);
                found[i] = Balance(authorityId, line.GetInt32("Year") ?? 0, line.GetString("Code") ?? "", line, Value(totals));
            });
            return (IReadOnlyList<BudgetLineBalance>)found.OfType<BudgetLineBalance>().OrderBy(l => l.Year).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task<(BudgetLineBalance? Line, DossierShare? Share)> ReadShareAsync(
        int year, string code, string dossierId, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Read budget line", async () =>
        {
            // Three point reads at once: an "or" of row keys would make the service scan the partition.
            var partition = PartitionOf(authorityId, year);
            var registered = lines.GetEntityIfExistsAsync<TableEntity>(partition, LineKey(code), cancellationToken: cancellationToken);
            var totals = ledger.GetEntityIfExistsAsync<TableEntity>(partition, LineKey(code), cancellationToken: cancellationToken);
            var share = ledger.GetEntityIfExistsAsync<TableEntity>(partition, ShareKey(code, dossierId), cancellationToken: cancellationToken);
            return (Balance(authorityId, year, code, Value(await registered), Value(await totals)), Value(await share) is { } found ? ToShare(found) : null);
        }, cancellationToken);

    public Task<(BudgetLineBalance? Totals, DossierShare? Share)> ReadTotalsAndShareAsync(
        int year, string code, string dossierId, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Read budget line totals", async () =>
        {
            var totals = ledger.GetEntityIfExistsAsync<TableEntity>(PartitionOf(authorityId, year), LineKey(code), cancellationToken: cancellationToken);
            var share = ledger.GetEntityIfExistsAsync<TableEntity>(PartitionOf(authorityId, year), ShareKey(code, dossierId), cancellationToken: cancellationToken);
            return (Balance(authorityId, year, code, null, Value(await totals)), Value(await share) is { } found ? ToShare(found) : null);
        }, cancellationToken);

    /// <summary>
    /// A share holding a reservation is written with a copy in the year's reservations (row keys after
    /// <see cref="ReservationPrefix"/>), and that copy deleted with the write that drops it: the reconciliation reads
    /// those rows only.
    /// </summary>
    public Task WriteAsync(BudgetLineBalance line, DossierShare? share, CancellationToken cancellationToken, bool dropsReservation = false)
    {
        var actions = new List<TableTransactionAction> { Action(TotalsRow(line), line.ETag) };
        TableTransactionAction? drop = null;
        if (share is not null)
        {
            var row = ShareRow(line, share);
            actions.Add(Action(row, share.ETag));
            var reservation = new TableEntity(row) { RowKey = ReservationPrefix + row.RowKey };
            if (share.ReservedVersion != 0)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, reservation));
            }
            else if (dropsReservation)
            {
                drop = new TableTransactionAction(TableTransactionActionType.Delete, reservation, ETag.All);
                actions.Add(drop);
            }
        }

        return StorageErrors.GuardAsync("Write budget line", async () =>
        {
            try
            {
                await ledger.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (RequestFailedException exception) when (drop is not null && StorageErrors.IsNotFound(exception))
            {
                // A reservation made before reservations had their own rows: nothing to delete.
                await SubmitAsync(actions.Where(action => action != drop), line, cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
            {
                throw new ConcurrencyConflictException($"Budget line {line.Year} {line.Code} changed since it was read.", exception);
            }
        }, cancellationToken);
    }

    private async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, BudgetLineBalance line, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
        {
            throw new ConcurrencyConflictException($"Budget line {line.Year} {line.Code} changed since it was read.", exception);
        }
    }

    public Task<IReadOnlyList<DossierShare>> ListSharesAsync(int year, string code, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("List budget line shares", async () =>
        {
            var prefix = ShareKey(code, "");
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(authorityId, year)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
            var found = new List<DossierShare>();
            await foreach (var entity in ledger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(ToShare(entity));
            }

            return (IReadOnlyList<DossierShare>)found;
        }, cancellationToken);

    /// <summary>
    /// Reads the reservations' rows of each year of the authority that may hold some: the years of its registered lines,
    /// and the years around <paramref name="reservedBefore"/> (a vote on a line not registered); a query per year, of the
    /// rows it returns.
    /// </summary>
    public Task<IReadOnlyList<(int Year, string Code, DossierShare Share)>> FindReservationsAsync(
        DateTimeOffset reservedBefore, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Find budget reservations", async () =>
        {
            var years = new SortedSet<int> { reservedBefore.Year - 1, reservedBefore.Year, reservedBefore.Year + 1 };
            await foreach (var line in lines.QueryAsync<TableEntity>(YearsOf(authorityId, null), select: ["PartitionKey", "Year"], cancellationToken: cancellationToken))
            {
                if (line.PartitionKey == PartitionOf(authorityId, line.GetInt32("Year") ?? 0))
                {
                    years.Add(line.GetInt32("Year") ?? 0);
                }
            }

            var found = new List<(int, string, DossierShare)>();
            foreach (var year in years)
            {
                var filter = TableClient.CreateQueryFilter(
                    $"PartitionKey eq {PartitionOf(authorityId, year)} and RowKey ge {ReservationPrefix} and RowKey lt {ReservationPrefix[..^1] + "}"} and ReservedAt lt {reservedBefore}");
                await foreach (var entity in ledger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    found.Add((year, entity.GetString("Code") ?? "", ToShare(entity)));
                }
            }

            return (IReadOnlyList<(int, string, DossierShare)>)found;
        }, cancellationToken);

    /// <summary>The line as registered (label, voted) with its totals; null when neither row exists.</summary>
    private static BudgetLineBalance? Balance(string? authorityId, int year, string code, TableEntity? line, TableEntity? sums) =>
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
            line?.GetString("AidScheme"))
            {
                AuthorityId = authorityId,
            };

    private static TableEntity? Value(NullableResponse<TableEntity> found) => found.HasValue ? found.Value : null;

    private static TableTransactionAction Action(TableEntity row, string? etag) =>
        etag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag));

    private static TableEntity TotalsRow(BudgetLineBalance line) => new(PartitionOf(line.AuthorityId, line.Year), LineKey(line.Code))
    {
        ["Code"] = line.Code,
        ["Committed"] = Amount(line.Committed),
        ["Reserved"] = Amount(line.Reserved),
        ["Paid"] = Amount(line.Paid),
        ["Recovered"] = Amount(line.Recovered),
        ["Dossiers"] = line.Dossiers,
    };

    private static TableEntity ShareRow(BudgetLineBalance line, DossierShare share)
    {
        var row = new TableEntity(PartitionOf(line.AuthorityId, line.Year), ShareKey(line.Code, share.DossierId))
        {
            ["Code"] = line.Code,
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

    /// <summary>The year's partition of the authority's lines and ledger (null: the first authority's, the bare year).</summary>
    private static string PartitionOf(string? authorityId, int year) =>
        authorityId is null ? Year(year) : TableKeys.Escape(authorityId) + "|" + Year(year);

    /// <summary>The partitions of one year, or of every year, of the authority: a range of partition keys, never a scan of another's.</summary>
    private static string YearsOf(string? authorityId, int? year) =>
        year is { } y ? TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(authorityId, y)}")
        : authorityId is null ? TableClient.CreateQueryFilter($"PartitionKey ge {"0000"} and PartitionKey le {"9999"}")
        : TableClient.CreateQueryFilter($"PartitionKey gt {TableKeys.Escape(authorityId) + "|"} and PartitionKey lt {TableKeys.Escape(authorityId) + "}"}");

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string LineKey(string code) => TableKeys.Escape(code);

    private static string ShareKey(string code, string dossierId) => $"{SharePrefix}{TableKeys.Escape(code)}|{TableKeys.Escape(dossierId)}";

    /// <summary>Decimals as invariant strings: Table Storage has no decimal type and a double would lose cents.</summary>
    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string? amount) =>
        string.IsNullOrEmpty(amount) ? 0m : decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture);
}
