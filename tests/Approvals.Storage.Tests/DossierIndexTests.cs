using Approvals.Application;
using Approvals.Bench;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Approvals.Storage.Tests;

/// <summary>The dossier index (the list's read model) against the dossiers it is built from, on Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class DossierIndexTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] Stages = ["Submitted", "Voted", "Paid"];

    private static readonly string[] Names = ["Association Le Pont", "École de musique", "Club sportif des Écoles", "Théâtre du Pont"];

    [Fact]
    public async Task GivenDossiersThatChangeStage_WhenListedAnyWay_ThenEachListingEqualsTheDossiersNewestFirst()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var dossiers = await SeedAsync(store, 14);

        foreach (var query in Queries())
        {
            Assert.Equal(Expected(dossiers, query), (await store.QueryAsync(query, None)).Select(d => d.DossierId));
        }

        Assert.Equal(dossiers.Select(d => d.Summary).OrderBy(s => s.DossierId), (await store.QueryAsync(new DossierQuery(Take: 100), None)).OrderBy(s => s.DossierId));
        Assert.Equal(dossiers.Select(d => d.Summary).Where(s => s.Year == 2023).OrderBy(s => s.DossierId, StringComparer.Ordinal),
            await ListAsync(store.ReadSummariesAsync(new DossierQuery(Year: 2023), None)));
        foreach (var (summary, _) in dossiers.Where(d => d.Summary.Stage == "Paid"))
        {
            Assert.Contains((await store.LoadAsync(summary.DossierId, None))!.SnapshotJson, await ListAsync(store.ReadSnapshotsAsync(new DossierQuery(Stage: "Paid"), None)));
        }
    }

    [Fact]
    public async Task GivenAnIndexMissingRowsAndHoldingStrayOnes_WhenRebuilt_ThenItEqualsTheDossiersAndNothingElse()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var dossiers = await SeedAsync(store, 9);
        var (table, summaries) = (IndexTable(services), SummariesTable(services));
        var healthy = (await KeysAsync(table), await KeysAsync(summaries));
        // A crash after the commit: one dossier's rows are gone. A stray listing row and the summary of a dossier that does not exist.
        var lost = dossiers[3].Summary.DossierId;
        foreach (var (partition, row) in healthy.Item1.Where(key => key.Row.EndsWith("-" + lost, StringComparison.Ordinal)))
        {
            await table.DeleteEntityAsync(partition, row);
        }

        await summaries.DeleteEntityAsync(lost, lost);
        await table.UpsertEntityAsync(new TableEntity(DossierIndexRows.Partition, DossierIndexRows.Stage("Closed") + "|0000000000000000001-" + dossiers[0].Summary.DossierId) { ["DossierId"] = dossiers[0].Summary.DossierId });
        await summaries.UpsertEntityAsync(new TableEntity("ghost", "ghost") { ["DossierId"] = "ghost", ["Version"] = 1L, ["Stage"] = "Submitted" });

        Assert.DoesNotContain(lost, (await store.QueryAsync(new DossierQuery(Take: 100), None)).Select(d => d.DossierId));
        Assert.Empty(await store.QueryAsync(new DossierQuery(Stage: "Closed"), None));

        Assert.Equal(dossiers.Count, await store.RebuildIndexAsync(None));

        Assert.Equal(healthy.Item1, await KeysAsync(table));
        Assert.Equal(healthy.Item2, await KeysAsync(summaries));
        foreach (var query in Queries())
        {
            Assert.Equal(Expected(dossiers, query), (await store.QueryAsync(query, None)).Select(d => d.DossierId));
        }
    }

    [Fact]
    public async Task GivenACommitWhoseIndexUpdateFailed_WhenTheOutboxIsSwept_ThenTheIndexFollowsAndTheItemIsGone()
    {
        await using var services = await StorageApp.StartAsync(StorageApp.Tables(fixture.Azurite), TimeProvider.System, new StorageApp.NullMailer());
        var store = services.GetRequiredService<IDossierStore>();
        var table = IndexTable(services);
        await table.DeleteAsync();
        var summary = Dossiers.Summary(Dossiers.NewId(), "Voted", beneficiary: "Compagnie des Ondes");

        // As the dossier service does before a commit with outbox work; a lease already over, as after a crash.
        await store.LeaseOutboxAsync(summary.DossierId, DateTimeOffset.UtcNow.AddMinutes(-1), None);
        var commit = Dossiers.Commit(summary.DossierId, null, 1, 2, summary: summary);
        await store.CommitAsync(commit, None);
        await Assert.ThrowsAsync<StorageFailedException>(() => store.IndexAsync(commit, None));
        var pending = await store.ReadOutboxAsync(summary.DossierId, None);
        await table.CreateAsync();
        var done = await services.GetRequiredService<OutboxDispatcher>().SweepAsync(None);

        Assert.Equal([OutboxKinds.Index], pending.Select(item => item.Kind));
        Assert.Equal(1, done);
        Assert.Empty(await store.ReadOutboxAsync(summary.DossierId, None));
        Assert.Equal([summary], await store.QueryAsync(new DossierQuery(Text: "ondes"), None));
        Assert.Equal([summary], await store.QueryAsync(new DossierQuery(Stage: "Voted"), None));
    }

    [Fact]
    public async Task GivenANewerSummaryIndexed_WhenAnOlderOneArrivesLate_ThenTheNewerStays()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var index = new DossierIndex(IndexTable(services), SummariesTable(services));
        var older = Dossiers.Summary("SUB-2022-0001", "Submitted", title: "Ancien objet");
        var newer = older with { Stage = "Voted", Title = "Nouvel objet", AmountVoted = 1_000m };

        await index.ApplyAsync(3, newer, "{\"version\":3}", Dossiers.Start, force: false, None);
        await index.ApplyAsync(2, older, "{\"version\":2}", Dossiers.Start, force: false, None);

        Assert.Equal([newer], await store.QueryAsync(new DossierQuery(), None));
        Assert.Equal([newer], await store.QueryAsync(new DossierQuery(Stage: "Voted"), None));
        Assert.Empty(await store.QueryAsync(new DossierQuery(Stage: "Submitted"), None));
        Assert.Empty(await store.QueryAsync(new DossierQuery(Text: "ancien"), None));
        Assert.Equal(["{\"version\":3}"], await ListAsync(store.ReadSnapshotsAsync(new DossierQuery(), None)));
    }

    [Fact]
    public async Task GivenSixtyDossiers_WhenAPageOfFiftyIsListed_ThenItIsOneStorageRequestHoldingTheSummaries()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var dossiers = await SeedAsync(store, 60);
        var (counted, counter) = CountedStore(services);

        // As the list asks: a page and one more row, to know whether a next page exists.
        foreach (var query in new DossierQuery[] { new(Take: 51), new(Stage: "Voted", Take: 51), new(Year: 2023, BudgetLineCode: "BP-CULT", Take: 51), new(Skip: 10, Take: 30) })
        {
            var before = counter.Count;
            var page = await counted.QueryAsync(query, None);

            Assert.Equal(1, counter.Count - before);
            var expected = Expected(dossiers, query).ToList();
            Assert.Equal(expected, page.Select(summary => summary.DossierId));
            Assert.Equal(expected.Select(id => dossiers.Single(d => d.Summary.DossierId == id).Summary), page);
        }
    }

    /// <summary>Issue 14: an export costs a request per hundred dossiers, not one per dossier.</summary>
    [Fact]
    public async Task GivenSixtyDossiers_WhenTheAuthorityOrAYearIsExported_ThenItIsOneStorageRequestInNumberOrder()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var dossiers = await SeedAsync(store, 60);
        var (counted, counter) = CountedStore(services);

        foreach (var query in new DossierQuery[] { new(), new(Year: 2023) })
        {
            var before = counter.Count;
            var exported = await ListAsync(counted.ReadSnapshotsAsync(query, None));

            Assert.Equal(1, counter.Count - before);
            var expected = new List<string>();
            foreach (var id in dossiers.Where(d => query.Year is null || d.Summary.Year == query.Year).Select(d => d.Summary.DossierId).Order(StringComparer.Ordinal))
            {
                expected.Add((await store.LoadAsync(id, None))!.SnapshotJson);
            }

            Assert.Equal(query.Year is null ? 60 : 30, expected.Count);
            Assert.Equal(expected, exported);
        }
    }

    [Fact]
    public async Task GivenTwoProcessesIndexingOneDossierInTurn_WhenListed_ThenOnlyTheNewestVersionIsInAnyListing()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var (first, second) = (new DossierIndex(IndexTable(services), SummariesTable(services)), new DossierIndex(IndexTable(services), SummariesTable(services)));
        var submitted = Dossiers.Summary("turns", "Submitted");
        var voted = submitted with { Stage = "Voted", AmountVoted = 800m };
        var paid = voted with { Stage = "Paid", AmountPaid = 800m };

        await first.ApplyAsync(1, submitted, "{}", Dossiers.Start, force: false, None, isNew: true);
        await second.ApplyAsync(2, voted, "{}", Dossiers.Start, force: false, None);
        // The first remembers version 1 as its own: its write fails on the ETag, reads, and moves the rows from Voted.
        await first.ApplyAsync(3, paid, "{}", Dossiers.Start, force: false, None);
        await second.ApplyAsync(2, voted, "{}", Dossiers.Start, force: false, None);

        Assert.Equal([paid], await store.QueryAsync(new DossierQuery(), None));
        Assert.Equal([paid], await store.QueryAsync(new DossierQuery(Stage: "Paid"), None));
        Assert.Empty(await store.QueryAsync(new DossierQuery(Stage: "Voted"), None));
        Assert.Empty(await store.QueryAsync(new DossierQuery(Stage: "Submitted"), None));
        Assert.Equal(["all", "line|BP2022-ENS", "stage|Paid", "year|2022"], (await KeysAsync(IndexTable(services)))
            .Select(key => key.Row).Where(row => !DossierIndexRows.IsWordRow(row)).Select(row => string.Join('|', row.Split('|')[..^1])).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivenRowsOfTheEarlierLayouts_WhenTheHostStarts_ThenTheListAnswersMeanwhileAndTheUpgradeBringsEverythingToTheCurrentLayout()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var dossiers = await SeedAsync(store, 10);
        var tables = services.GetRequiredService<TableServiceClient>();
        var settings = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var (index, summaries) = (IndexTable(services), SummariesTable(services));
        var current = await EntitiesAsync(index);
        foreach (var row in current)
        {
            await index.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        // Layout 1 for the even dossiers (a partition per listing), layout 2 for the odd ones (listing rows pointing only).
        var layoutTwo = new List<(DossierSummary Summary, DateTimeOffset CreatedAt)>();
        foreach (var (summary, createdAt) in dossiers)
        {
            var sortKey = (await summaries.GetEntityAsync<TableEntity>(summary.DossierId, summary.DossierId)).Value.GetString("SortKey");
            var odd = int.Parse(summary.DossierId[^2..]) % 2 == 1;
            foreach (var row in current.Where(row => row.GetString("DossierId") == summary.DossierId))
            {
                var listing = row.RowKey[..^(sortKey.Length + 1)];
                var old = odd ? new TableEntity(row.PartitionKey, row.RowKey)
                    : DossierIndexRows.IsWordRow(row.RowKey) ? new TableEntity("words|" + listing.Split('|')[0], listing.Split('|')[1] + "|" + sortKey)
                    : new TableEntity("list|" + listing, sortKey);
                old["DossierId"] = summary.DossierId;
                await index.UpsertEntityAsync(old);
            }

            if (odd)
            {
                layoutTwo.Add((summary, createdAt));
            }
        }

        // A layout-2 row left in a stage the dossier has left.
        var moved = layoutTwo.First(d => d.Summary.Stage != "Submitted").Summary;
        var movedSortKey = (await summaries.GetEntityAsync<TableEntity>(moved.DossierId, moved.DossierId)).Value.GetString("SortKey");
        await index.UpsertEntityAsync(new TableEntity(DossierIndexRows.Partition, $"{DossierIndexRows.Stage("Submitted")}|{movedSortKey}") { ["DossierId"] = moved.DossierId });
        // An outbox item marked failed before the failed list had rows, and a reservation before reservations had copies.
        var failing = dossiers[4].Summary.DossierId;
        await tables.GetTableClient(settings.DossiersTable).AddEntityAsync(new TableEntity(failing, "outbox-mail-old")
        {
            ["DossierId"] = failing,
            ["Id"] = "mail-old",
            ["Kind"] = "Mail",
            ["Json"] = "{}",
            ["Failed"] = true,
            ["FailureReason"] = "SendGrid answered 400",
            ["FailedAt"] = Dossiers.Start.AddDays(3),
        });
        await tables.GetTableClient(settings.BudgetLedgerTable).AddEntityAsync(new TableEntity("2022", $"|BP-CULT|{dossiers[0].Summary.DossierId}")
        {
            ["Code"] = "BP-CULT",
            ["DossierId"] = dossiers[0].Summary.DossierId,
            ["Version"] = 2L,
            ["Committed"] = "0",
            ["Paid"] = "0",
            ["Recovered"] = "0",
            ["Reserved"] = "1500",
            ["ReservedVersion"] = 2L,
            ["ReservedAt"] = Dossiers.Start,
        });
        var budget = services.GetRequiredService<IBudgetLineStore>();

        // Before the upgrade: the list answers from the layout-2 rows (a read of each summary), the rest waits.
        Assert.Equal(Expected(layoutTwo, new DossierQuery()), (await store.QueryAsync(new DossierQuery(), None)).Select(d => d.DossierId));
        Assert.Equal(Expected(layoutTwo, new DossierQuery(Stage: "Submitted")), (await store.QueryAsync(new DossierQuery(Stage: "Submitted"), None)).Select(d => d.DossierId));
        Assert.Empty(await store.FindFailedOutboxAsync(10, None));
        Assert.Empty(await budget.FindReservationsAsync(Dossiers.Start.AddDays(1), None));

        var upgrade = new StorageUpgrade(tables, services.GetRequiredService<IOptions<StorageOptions>>(), TimeProvider.System, NullLogger<StorageUpgrade>.Instance);
        Assert.True(await upgrade.RunAsync(None));

        foreach (var query in Queries())
        {
            Assert.Equal(Expected(dossiers, query), (await store.QueryAsync(query, None)).Select(d => d.DossierId));
        }

        var upgraded = await EntitiesAsync(index);
        Assert.All(upgraded.Where(row => row.PartitionKey != DossierIndexRows.LayoutPartition), row => Assert.Equal(DossierIndexRows.Partition, row.PartitionKey));
        Assert.All(upgraded.Where(row => row.PartitionKey == DossierIndexRows.Partition && !DossierIndexRows.IsWordRow(row.RowKey)), row => Assert.NotNull(row.GetInt64("Version")));
        Assert.Equal(current.Select(row => (row.PartitionKey, row.RowKey)).Order(), upgraded.Where(row => row.PartitionKey == DossierIndexRows.Partition).Select(row => (row.PartitionKey, row.RowKey)).Order());
        var failed = Assert.Single(await store.FindFailedOutboxAsync(10, None));
        Assert.Equal((failing, "mail-old", "SendGrid answered 400"), (failed.DossierId, failed.Item.Id, failed.Reason));
        var reservation = Assert.Single(await budget.FindReservationsAsync(Dossiers.Start.AddDays(1), None));
        Assert.Equal((2022, "BP-CULT", dossiers[0].Summary.DossierId, 1500m), (reservation.Year, reservation.Code, reservation.Share.DossierId, reservation.Share.Reserved));
        // Marked: the next start reads the marker and does nothing.
        Assert.False(await upgrade.RunAsync(None));
    }

    [Fact]
    public async Task GivenANewInstallation_WhenTheHostStarts_ThenTheIndexIsMarkedCurrentWithoutAnUpgrade()
    {
        var (services, _) = await NewStoreAsync();
        await using var __ = services;
        var upgrade = new StorageUpgrade(
            services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<IOptions<StorageOptions>>(), TimeProvider.System, NullLogger<StorageUpgrade>.Instance);

        Assert.False(await upgrade.RunAsync(None));

        var marker = Assert.Single(await EntitiesAsync(IndexTable(services)));
        Assert.Equal((DossierIndexRows.LayoutPartition, DossierIndexRows.Layout), (marker.PartitionKey, marker.GetInt32("Layout")));
    }

    private static async Task<List<TableEntity>> EntitiesAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            rows.Add(entity);
        }

        return rows;
    }

    /// <summary>
    /// Issue 15: an export reads its authority's own range of summary keys (its numbers' start). The other authority's
    /// summary rows are made unreadable (a year that is not a number): a scan of the summaries would trip on them.
    /// </summary>
    [Fact]
    public async Task GivenDossiersOfTwoAuthorities_WhenEachIsExported_ThenItReadsOnlyItsOwnInNumberOrder()
    {
        var (services, store) = await NewStoreAsync();
        await using var _ = services;
        var owners = new Dictionary<string, string?>();
        for (var i = 0; i < 7; i++)
        {
            var authority = i % 2 == 0 ? "pma" : null;
            // Numbered as each authority numbers: the second's start with its code.
            var summary = Dossiers.Summary($"{(authority is null ? "" : "PMA-")}SUB-2022-{7 - i:D4}", "Submitted", 2022, "BP-ENS", Names[i % Names.Length], $"Projet {i}", 1_000m, Dossiers.Start.AddHours(i))
                with
            { AuthorityId = authority };
            var commit = Dossiers.Commit(summary.DossierId, null, 1, 1, summary: summary);
            await store.CommitAsync(commit, None);
            await store.IndexAsync(commit, None);
            owners[summary.DossierId] = authority;
        }

        async Task<List<string>> ExpectedAsync(string? authority)
        {
            var snapshots = new List<string>();
            foreach (var id in owners.Where(o => o.Value == authority).Select(o => o.Key).Order(StringComparer.Ordinal))
            {
                snapshots.Add((await store.LoadAsync(id, None))!.SnapshotJson);
            }

            return snapshots;
        }

        var theirs = await ExpectedAsync("pma");
        Assert.Equal(theirs, await ListAsync(store.ReadSnapshotsAsync(new DossierQuery(AuthorityId: "pma"), None)));
        Assert.Equal(theirs, await ListAsync(store.ReadSnapshotsAsync(new DossierQuery(Year: 2022, AuthorityId: "pma"), None)));
        foreach (var id in owners.Where(o => o.Value == "pma").Select(o => o.Key))
        {
            await SummariesTable(services).UpdateEntityAsync(new TableEntity(id, id) { ["Year"] = "pas une année" }, Azure.ETag.All, TableUpdateMode.Merge);
        }

        Assert.Equal(await ExpectedAsync(null), await ListAsync(store.ReadSnapshotsAsync(new DossierQuery(), None)));
        Assert.Equal(3, (await ListAsync(store.ReadSnapshotsAsync(new DossierQuery(), None))).Count);
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private async Task<(ServiceProvider Services, IDossierStore Store)> NewStoreAsync()
    {
        var services = await fixture.CreateServicesAsync();
        return (services, services.GetRequiredService<IDossierStore>());
    }

    private static TableClient IndexTable(ServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.DossierIndexTable);

    private static TableClient SummariesTable(ServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.DossierSummariesTable);

    /// <summary>A store of its own over the same tables (another process: nothing remembered), its requests counted.</summary>
    private (TableDossierStore Store, RoundTripCounter Counter) CountedStore(ServiceProvider services)
    {
        var (tables, counter) = CountedTables.Over(fixture.Azurite.ConnectionString);
        return (new TableDossierStore(tables, services.GetRequiredService<IOptions<StorageOptions>>(), TimeProvider.System), counter);
    }

    /// <summary>Dossiers created an hour apart, each then moved through some stages (new summaries, same creation).</summary>

    private static async Task<List<(DossierSummary Summary, DateTimeOffset CreatedAt)>> SeedAsync(IDossierStore store, int count)
    {
        var dossiers = new List<(DossierSummary, DateTimeOffset)>();
        for (var i = 0; i < count; i++)
        {
            var createdAt = Dossiers.Start.AddHours(i);
            var summary = Dossiers.Summary($"SUB-2022-{i + 1:D4}", Stages[0], 2022 + (i % 2), i % 3 == 0 ? "BP-CULT" : "BP-ENS", Names[i % Names.Length],
                $"Projet numéro {i}", 1_000m + i, createdAt);
            var first = Dossiers.Commit(summary.DossierId, null, 1, 1, summary: summary);
            first = first with { Events = [first.Events[0] with { RecordedAt = createdAt }] };
            var etag = await store.CommitAsync(first, None);
            await store.IndexAsync(first, None);
            for (var step = 1; step <= i % Stages.Length; step++)
            {
                summary = summary with { Stage = Stages[step], UpdatedAt = createdAt.AddDays(step), AmountVoted = 500m * step };
                var next = Dossiers.Commit(summary.DossierId, etag, step + 1, 1, summary: summary);
                etag = await store.CommitAsync(next, None);
                await store.IndexAsync(next, None);
            }

            dossiers.Add((summary, createdAt));
        }

        return dossiers;
    }

    private static IEnumerable<DossierQuery> Queries() =>
    [
        new(),
        new(Take: 3),
        new(Skip: 4, Take: 3),
        .. Stages.Select(stage => new DossierQuery(Stage: stage)),
        new(Year: 2023),
        new(BudgetLineCode: "BP-CULT"),
        new(Stage: "Voted", Year: 2022),
        new(Stage: "Paid", BudgetLineCode: "BP-ENS", Take: 2),
        new(Text: "pont"),
        new(Text: "ECOLES projet"),
        new(Text: "numéro 1"),
        new(Text: "numér"),
        new(Text: "de"),
        new(Beneficiary: "musique"),
        new(Beneficiary: "35600000000048", Stage: "Submitted"),
        new(Text: "introuvable"),
    ];

    /// <summary>What the query must find, worked out here from the dossiers themselves.</summary>
    private static IEnumerable<string> Expected(List<(DossierSummary Summary, DateTimeOffset CreatedAt)> dossiers, DossierQuery query)
    {
        static string Plain(string text) => string.Concat(text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)).ToLowerInvariant();
        static bool HasWordsStarting(string haystack, string? parts) =>
            parts is null || Plain(parts).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .All(part => Plain(haystack).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Any(word => part.Length < 3 ? word == part : word.StartsWith(part, StringComparison.Ordinal)));

        return dossiers
            .Where(d => query.Stage is null || d.Summary.Stage == query.Stage)
            .Where(d => query.Year is null || d.Summary.Year == query.Year)
            .Where(d => query.BudgetLineCode is null || d.Summary.BudgetLineCode == query.BudgetLineCode)
            .Where(d => HasWordsStarting($"{d.Summary.Number} {d.Summary.Title} {d.Summary.BeneficiaryName}", query.Text))
            .Where(d => HasWordsStarting($"{d.Summary.BeneficiaryName} {d.Summary.BeneficiarySiret}", query.Beneficiary))
            .OrderByDescending(d => d.CreatedAt)
            .Skip(query.Skip)
            .Take(query.Take)
            .Select(d => d.Summary.DossierId);
    }

    private static async Task<List<(string Partition, string Row)>> KeysAsync(TableClient table)
    {
        var keys = new List<(string, string)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        return keys;
    }
}
