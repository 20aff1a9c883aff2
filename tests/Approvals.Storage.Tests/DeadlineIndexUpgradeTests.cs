using System.Text.Json.Nodes;
using Approvals.Application;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// Issue 15: deadline rows written before the index was partitioned per authority (every one under its bare day) are
/// moved to their dossier's authority once, by the host's start; an outbox item planned before, carried out after,
/// files its entries in the dossier's authority too.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DeadlineIndexUpgradeTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2022, 9, 30);
    private static readonly DateTimeOffset DueAt = new(2022, 9, 30, 21, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenBareDayRowsOfTwoAuthoritiesAndOfADeletedDossier_WhenTheHostStartsTwice_ThenTheSecondsMoveOnceAndTheRestStays()
    {
        await using var services = await fixture.CreateServicesAsync();
        var store = services.GetRequiredService<IDossierStore>();
        var index = services.GetRequiredService<IDeadlineIndex>();
        var table = DeadlinesTable(services);
        var (ours, theirs, gone) = ("first-dossier", "pma-dossier", "deleted-dossier");
        await Dossiers.OfAuthorityAsync(store, ours, null);
        await Dossiers.OfAuthorityAsync(store, theirs, "pma");
        // The old layout: every entry under its bare day, whoever's dossier it was.
        IndexedDeadline[] old =
        [
            new(ours, "payment-window", "PaymentWindow", Day, DueAt),
            new(theirs, "payment-window", "PaymentWindow", Day, DueAt),
            new(theirs, "report-due", "ReportDue", Day.AddDays(200), DueAt.AddDays(200)),
            new(gone, "payment-window", "PaymentWindow", Day, DueAt),
        ];
        await index.UpsertAsync(old, None);
        Assert.Equal(4, (await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, null, None)).Count);
        Assert.Null(await MarkerAsync(table));
        var upgrade = new StorageUpgrade(
            services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<IOptions<StorageOptions>>(), TimeProvider.System, NullLogger<StorageUpgrade>.Instance);

        Assert.True(await upgrade.RunAsync(None));

        // Due at the same instant: in the order of their keys.
        Assert.Equal([old[3], old[0]], await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, null, None));
        Assert.Equal([old[1] with { AuthorityId = "pma" }, old[2] with { AuthorityId = "pma" }], await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, "pma", None));
        var rows = await TableRows.AllAsync(table);
        (string, string)[] expected =
            [("2022-09-30", "deleted-dossier"), ("2022-09-30", "first-dossier"), ("pma|2022-09-30", "pma-dossier"), ("pma|2023-04-18", "pma-dossier"), ("~layout", "(marker)")];
        Assert.Equal(expected, rows.Select(row => (row.PartitionKey, row.GetString("DossierId") ?? "(marker)")));
        Assert.Equal(1, (await MarkerAsync(table))?.GetInt32("Layout"));

        // The next start reads the marker and does nothing: not a row is rewritten.
        Assert.False(await upgrade.RunAsync(None));
        Assert.Equal(rows.Select(row => (row.PartitionKey, row.RowKey, row.ETag)), (await TableRows.AllAsync(table)).Select(row => (row.PartitionKey, row.RowKey, row.ETag)));
    }

    /// <summary>
    /// The race the upgrade leaves: an item planned before it (entries without an authority) for another authority's
    /// dossier, carried out after. One entry it removes is still under the bare day, one was moved already; the one it
    /// files must go to the dossier's authority, not back under the bare day.
    /// </summary>
    [Fact]
    public async Task GivenAnOutboxItemPlannedBeforeThePartitioning_WhenCarriedOutAfter_ThenItsEntriesGoToTheDossiersAuthority()
    {
        var time = new FakeTimeProvider(DueAt.AddDays(-60));
        await using var services = await StorageApp.StartAsync(StorageApp.Tables(fixture.Azurite), time, new NoMail());
        var store = services.GetRequiredService<IDossierStore>();
        var index = services.GetRequiredService<IDeadlineIndex>();
        var dossier = "pma-dossier";
        var notMovedYet = new IndexedDeadline(dossier, "reminder-1", "Reminder", Day.AddDays(-30), DueAt.AddDays(-30));
        var movedAlready = new IndexedDeadline(dossier, "reminder-2", "Reminder", Day.AddDays(-15), DueAt.AddDays(-15), "pma");
        var filed = new IndexedDeadline(dossier, "payment-window", "PaymentWindow", Day, DueAt);
        await index.UpsertAsync([notMovedYet, movedAlready], None);
        // As an item was serialised before: no flag, no authority on its entries.
        var json = JsonNode.Parse(DomainJson.Serialize(new DeadlineChange([notMovedYet, movedAlready with { AuthorityId = null }], [filed])))!.AsObject();
        Assert.True(json.Remove("byAuthority"));
        foreach (var entry in json["remove"]!.AsArray().Concat(json["upsert"]!.AsArray()))
        {
            Assert.True(entry!.AsObject().Remove("authorityId"));
        }

        // Committed as DossierService does, its lease taken first; the lease has ended (the process that committed is gone).
        await store.LeaseOutboxAsync(dossier, time.GetUtcNow(), None);
        await Dossiers.OfAuthorityAsync(store, dossier, "pma", [new OutboxItem("000001-01", OutboxKinds.Deadlines, json.ToJsonString())]);

        // The item, and the index refresh the store files with every commit.
        Assert.Equal(2, await services.GetRequiredService<OutboxDispatcher>().SweepAsync(None));

        Assert.Empty(await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, null, None));
        Assert.Equal([filed with { AuthorityId = "pma" }], await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, "pma", None));
        Assert.Empty(await store.ReadOutboxAsync(dossier, None));
    }

    [Fact]
    public async Task GivenAChangePlannedForTheFirstAuthority_WhenSerialisedAndReadBack_ThenItStillSaysItsEntriesCarryTheirAuthority()
    {
        var change = new DeadlineChange([], [new IndexedDeadline("d", "payment-window", "PaymentWindow", Day, DueAt)], ByAuthority: true);

        var read = DomainJson.Deserialize<DeadlineChange>(DomainJson.Serialize(change));

        Assert.True(read.ByAuthority);
        Assert.Null(Assert.Single(read.Upsert).AuthorityId);
        Assert.False(DomainJson.Deserialize<DeadlineChange>("""{"remove":[],"upsert":[]}""").ByAuthority);
    }

    private static TableClient DeadlinesTable(ServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.DeadlinesTable);

    private static async Task<TableEntity?> MarkerAsync(TableClient table)
    {
        var marker = await table.GetEntityIfExistsAsync<TableEntity>("~layout", "~layout");
        return marker.HasValue ? marker.Value : null;
    }

    /// <summary>No item here is a mail: one sent would be a mistake.</summary>
    private sealed class NoMail : IMailer
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) => throw new InvalidOperationException($"Unexpected mail {mail.Key}.");
    }
}
