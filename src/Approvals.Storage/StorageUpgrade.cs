using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// Brings rows written by an earlier version to the current layout, in the background once the host has started, so
/// that no one has to run <c>--rebuild-index</c> after an update. The dossier index's marker row says which layout it
/// is in (one point read at start); when it is older, the index is rewritten (progress logged, the list answering from
/// the rows there meanwhile: listing rows of layout 2 through a read of each summary), failed outbox items get their
/// row in the failed list, and budget reservations their copy among the year's reservations; then the marker is
/// written. The deadline index has a marker of its own (its table's <c>~layout</c> row): when absent, the rows of other
/// authorities' dossiers, filed under the bare day before the index was partitioned per authority, move to their
/// authority's partitions. The portal table has one too: when absent, each portal submission gets its row in its
/// authority's inbox. Every step is idempotent: a host stopped halfway does it again at its next start.
/// </summary>
public sealed class StorageUpgrade(TableServiceClient tables, IOptions<StorageOptions> options, TimeProvider time, ILogger<StorageUpgrade> logger)
    : BackgroundService
{
    /// <summary>Dossiers between two progress lines of the log.</summary>
    private const int ProgressEvery = 500;

    /// <summary>The row key prefixes of the budget ledger: a dossier's share, and a reservation's copy of it.</summary>
    private const string SharePrefix = "|";
    private const string ReservationPrefix = "~reserved|";

    /// <summary>The partition (and row) of the deadline index's marker: after every date and every authority's prefix.</summary>
    private const string LayoutPartition = "~layout";

    /// <summary>The deadline index layout this code writes: 1 is partitioned per authority.</summary>
    private const int DeadlineLayout = 1;

    /// <summary>The portal table's layout this code writes: 1 has an inbox per authority.</summary>
    private const int PortalLayout = 1;

    private readonly TableDossierStore store = new(tables, options, time);

    /// <summary>Upgrades what needs it; false when both indexes were up to date (nothing done).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var dossierIndex = await UpgradeDossierIndexAsync(cancellationToken);
        var deadlineIndex = await PartitionDeadlinesAsync(cancellationToken);
        var inboxes = await FileInboxesAsync(cancellationToken);
        return dossierIndex || deadlineIndex || inboxes;
    }

    private async Task<bool> UpgradeDossierIndexAsync(CancellationToken cancellationToken)
    {
        var layout = await store.IndexLayoutAsync(cancellationToken);
        if (layout >= DossierIndexRows.Layout)
        {
            return false;
        }

        var dossiers = tables.GetTableClient(options.Value.DossiersTable);
        if (layout == 0 && !await AnyRowAsync(dossiers, cancellationToken))
        {
            // A new installation: everything it writes is in the current layout already.
            await store.MarkIndexLayoutAsync(cancellationToken);
            return false;
        }

        logger.LogInformation("Dossier index in layout {Layout}, current {Current}: upgrading in the background.", layout, DossierIndexRows.Layout);
        var indexed = await store.UpgradeIndexAsync(ProgressEvery, done => logger.LogInformation("Index upgrade: {Count} dossiers done.", done), cancellationToken);
        var failed = await ListFailedOutboxAsync(dossiers, cancellationToken);
        var reserved = await CopyReservationsAsync(tables.GetTableClient(options.Value.BudgetLedgerTable), cancellationToken);
        await store.MarkIndexLayoutAsync(cancellationToken);
        logger.LogInformation(
            "Index upgrade done: {Indexed} dossiers, {Failed} failed outbox items listed, {Reserved} budget reservations copied.", indexed, failed, reserved);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The host keeps serving from the rows there; the next start tries again.
            logger.LogError(exception, "Index upgrade stopped; it starts again with the host.");
        }
    }

    /// <summary>
    /// Before the deadline index was partitioned per authority, every row was filed under its bare day, the first
    /// authority's partition now: each row whose dossier belongs to another authority (its state row says which) is
    /// written to that authority's partition of the same day, then deleted from the bare one. A dossier that no longer
    /// exists leaves its rows where they are. False when the marker said it was done, or nothing was indexed.
    /// </summary>
    private async Task<bool> PartitionDeadlinesAsync(CancellationToken cancellationToken)
    {
        var deadlines = tables.GetTableClient(options.Value.DeadlinesTable);
        var marker = await deadlines.GetEntityIfExistsAsync<TableEntity>(LayoutPartition, LayoutPartition, cancellationToken: cancellationToken);
        if (marker.HasValue && (marker.Value!.GetInt32("Layout") ?? 0) >= DeadlineLayout)
        {
            return false;
        }

        var dossiers = tables.GetTableClient(options.Value.DossiersTable);
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        var (seen, moved) = (0, 0);
        var bareDays = TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableDeadlineIndex.PartitionOf(null, DateOnly.MinValue)} and PartitionKey le {TableDeadlineIndex.PartitionOf(null, DateOnly.MaxValue)}");
        await foreach (var row in deadlines.QueryAsync<TableEntity>(bareDays, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            seen++;
            if (row.GetString("DossierId") is not { } dossierId)
            {
                continue;
            }

            if (!owners.TryGetValue(dossierId, out var authorityId))
            {
                owners[dossierId] = authorityId = await AuthorityOfAsync(dossiers, DossierRows.PartitionKey(dossierId), cancellationToken);
            }

            if (authorityId is null)
            {
                continue;
            }

            var copy = new TableEntity(TableDeadlineIndex.PartitionOf(authorityId, TableDeadlineIndex.DayOf(row.PartitionKey)), row.RowKey);
            foreach (var (column, value) in row.Where(column => column.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
            {
                copy[column] = value;
            }

            await deadlines.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
            try
            {
                await deadlines.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsNotFound(exception))
            {
                // Removed meanwhile (the deadline fired or moved): its copy goes too.
                await deadlines.DeleteEntityAsync(copy.PartitionKey, copy.RowKey, ETag.All, cancellationToken);
            }

            moved++;
        }

        await deadlines.UpsertEntityAsync(new TableEntity(LayoutPartition, LayoutPartition) { ["Layout"] = DeadlineLayout }, TableUpdateMode.Replace, cancellationToken);
        if (seen > 0)
        {
            logger.LogInformation("Deadline index partitioned per authority: {Moved} of {Seen} rows moved to their authority's partitions.", moved, seen);
        }

        return seen > 0;
    }

    /// <summary>
    /// Before each authority had its inbox, the agents' inbox read every portal submission and kept those of the
    /// caller's authority: each submission gets its row in the inbox of its dossier's authority (its state row says
    /// which; a dossier that no longer exists: the first's, as it was listed). False when the marker said it was done,
    /// or there was no submission.
    /// </summary>
    private async Task<bool> FileInboxesAsync(CancellationToken cancellationToken)
    {
        var portal = tables.GetTableClient(options.Value.PortalTable);
        var marker = await portal.GetEntityIfExistsAsync<TableEntity>(LayoutPartition, LayoutPartition, cancellationToken: cancellationToken);
        if (marker.HasValue && (marker.Value!.GetInt32("Layout") ?? 0) >= PortalLayout)
        {
            return false;
        }

        var dossiers = tables.GetTableClient(options.Value.DossiersTable);
        var filed = 0;
        var submissions = TableClient.CreateQueryFilter($"PartitionKey eq {TablePortalStore.SubmissionsPartition}");
        await foreach (var row in portal.QueryAsync<TableEntity>(submissions, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var submission = TablePortalStore.ToSubmission(row);
            var authorityId = await AuthorityOfAsync(dossiers, DossierRows.PartitionKey(submission.DossierId), cancellationToken);
            var inbox = TablePortalStore.InboxEntity(submission with { AuthorityId = authorityId });
            // With the check as the submission row has it; one saved meanwhile also writes the inbox row (Merge keeps it).
            foreach (var (column, value) in row.Where(column => column.Key.StartsWith("Check", StringComparison.Ordinal)))
            {
                inbox[column] = value;
            }

            await portal.UpsertEntityAsync(inbox, TableUpdateMode.Merge, cancellationToken);
            filed++;
        }

        await portal.UpsertEntityAsync(new TableEntity(LayoutPartition, LayoutPartition) { ["Layout"] = PortalLayout }, TableUpdateMode.Replace, cancellationToken);
        if (filed > 0)
        {
            logger.LogInformation("Portal inboxes: {Filed} submissions filed in their authority's inbox.", filed);
        }

        return filed > 0;
    }

    /// <summary>The authority of the dossier of <paramref name="partition"/>, as its state row says (null: the first, or no such dossier).</summary>
    private static async Task<string?> AuthorityOfAsync(TableClient dossiers, string partition, CancellationToken cancellationToken)
    {
        var state = await dossiers.GetEntityIfExistsAsync<TableEntity>(partition, DossierRows.StateKey, ["AuthorityId"], cancellationToken);
        return state.HasValue ? state.Value!.GetString("AuthorityId") : null;
    }

    private static async Task<bool> AnyRowAsync(TableClient table, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
        {
            return page.Values.Count > 0;
        }

        return false;
    }

    /// <summary>
    /// Failed items marked before the failed list had its partition carry no <c>FailedListing</c>: each gets its row,
    /// then the mark, as <see cref="TableDossierStore.MarkOutboxFailedAsync"/> writes them (the mark guarded by the
    /// item's ETag: an item retried meanwhile is left, and its row is skipped when the list is read).
    /// </summary>
    private static async Task<int> ListFailedOutboxAsync(TableClient dossiers, CancellationToken cancellationToken)
    {
        var listed = 0;
        await foreach (var item in dossiers.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Failed eq {true}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (item.GetString("FailedListing") is not null || item.GetString("DossierId") is not { } dossierId || item.GetString("Id") is not { } itemId)
            {
                continue;
            }

            // In the list of the dossier's authority, as a failure marked today is.
            var authorityId = await AuthorityOfAsync(dossiers, item.PartitionKey, cancellationToken);
            var row = DossierRows.FailedOutbox(dossierId, itemId, item.GetDateTimeOffset("FailedAt") ?? item.Timestamp ?? DateTimeOffset.UnixEpoch, authorityId);
            await dossiers.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            try
            {
                await dossiers.UpdateEntityAsync(
                    new TableEntity(item.PartitionKey, item.RowKey) { ["FailedListing"] = row.RowKey }, item.ETag, TableUpdateMode.Merge, cancellationToken);
                listed++;
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception) || StorageErrors.IsNotFound(exception))
            {
                // Retried or carried out meanwhile: its row in the list is skipped when read.
            }
        }

        return listed;
    }

    /// <summary>
    /// Shares holding a reservation made before reservations had their copies (row key <c>~reserved|</c> + the share's,
    /// same partition, which the reconciliation reads): each gets its copy. A share whose reservation was dropped while
    /// the copy was written loses the copy again.
    /// </summary>
    private static async Task<int> CopyReservationsAsync(TableClient ledger, CancellationToken cancellationToken)
    {
        var shares = new List<TableEntity>();
        var copies = new HashSet<(string, string)>();
        await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ReservedVersion gt {0L}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(ReservationPrefix, StringComparison.Ordinal))
            {
                copies.Add((row.PartitionKey, row.RowKey));
            }
            else if (row.RowKey.StartsWith(SharePrefix, StringComparison.Ordinal))
            {
                shares.Add(row);
            }
        }

        var copied = 0;
        foreach (var share in shares.Where(share => !copies.Contains((share.PartitionKey, ReservationPrefix + share.RowKey))))
        {
            var copy = new TableEntity(share.PartitionKey, ReservationPrefix + share.RowKey);
            foreach (var (column, value) in share.Where(column => column.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
            {
                copy[column] = value;
            }

            await ledger.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
            var now = await ledger.GetEntityIfExistsAsync<TableEntity>(share.PartitionKey, share.RowKey, ["ReservedVersion"], cancellationToken);
            if (!now.HasValue || (now.Value!.GetInt64("ReservedVersion") ?? 0) == 0)
            {
                await ledger.DeleteEntityAsync(copy.PartitionKey, copy.RowKey, ETag.All, cancellationToken);
                continue;
            }

            copied++;
        }

        return copied;
    }
}
