using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Storage.Tests;

/// <summary>
/// Issue 15: the deadline index is partitioned per authority. The first authority (null) keeps the bare days; the
/// others' ids are chosen so that one sorts between the bare days and "pma" ("cagb") and one begins with "pma"
/// ("pma-nord"): a range that leaked out of its authority's partitions would catch them.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DeadlineIndexAuthorityTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Today = new(2022, 8, 31);

    // 14:00 in Paris (UTC+2 in summer).
    private static readonly DateTimeOffset Now = new(2022, 8, 31, 12, 0, 0, TimeSpan.Zero);

    private static readonly string?[] Authorities = [null, "cagb", "pma", "pma-nord"];

    /// <summary>For each authority, the same deadlines on the same days: yesterday's and this morning's are due, tomorrow's not.</summary>
    private static List<IndexedDeadline> EntriesOf(string? authorityId)
    {
        var dossier = $"{authorityId ?? "first"}-dossier";
        return
        [
            new(dossier, "payment-window", "PaymentWindow", Today.AddDays(-1), Now.AddDays(-1), authorityId),
            new(dossier, "reminder-1", "Reminder", Today, Now.AddHours(-4), authorityId),
            new(dossier, "report-due", "ReportDue", Today.AddDays(1), Now.AddDays(1), authorityId),
        ];
    }

    [Fact]
    public async Task GivenEntriesOfFourAuthoritiesOnTheSameDays_WhenEachReadsItsIndex_ThenEachGetsOnlyItsOwnEvenOverTheWidestRange()
    {
        await using var services = await fixture.CreateServicesAsync();
        var index = services.GetRequiredService<IDeadlineIndex>();
        await index.UpsertAsync(Authorities.SelectMany(EntriesOf), None);

        foreach (var authority in Authorities)
        {
            var own = EntriesOf(authority);
            Assert.Equal(own, await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, authority, None));
            Assert.Equal(own, await index.ReadRangeAsync(Today.AddDays(-1), Today.AddDays(1), authority, None));
            Assert.Equal(own.Take(2), await index.ReadDueAsync(Today, Now, authority, None));
            Assert.Equal(own.Take(2), await index.ReadDueAsync(DateOnly.MaxValue, Now, authority, None));
        }

        // As stored: the first authority's rows under the bare day, the others' under their id and the day.
        var keys = (await TableRows.AllAsync(DeadlinesTable(services))).Select(row => (row.PartitionKey, row.GetString("DossierId"))).ToList();
        Assert.Contains(("2022-08-31", "first-dossier"), keys);
        Assert.Contains(("pma|2022-08-31", "pma-dossier"), keys);
        Assert.Contains(("pma-nord|2022-08-31", "pma-nord-dossier"), keys);
        Assert.Equal(12, keys.Count);
    }

    /// <summary>
    /// The storage-level claim: every other authority's row is made unreadable (its dossier id a number, which the
    /// index cannot take as a string). A read that so much as received one of them would throw.
    /// </summary>
    [Fact]
    public async Task GivenOtherAuthoritiesRowsThatCannotBeRead_WhenOneAuthorityReadsEverything_ThenItNeverReceivesThem()
    {
        foreach (var authority in Authorities)
        {
            await using var services = await fixture.CreateServicesAsync();
            var index = services.GetRequiredService<IDeadlineIndex>();
            await index.UpsertAsync(Authorities.SelectMany(EntriesOf), None);
            var table = DeadlinesTable(services);
            var poisoned = 0;
            foreach (var row in await TableRows.AllAsync(table))
            {
                if (row.GetString("DossierId") != $"{authority ?? "first"}-dossier")
                {
                    await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["DossierId"] = 42 }, ETag.All, TableUpdateMode.Merge);
                    poisoned++;
                }
            }

            Assert.Equal(9, poisoned);
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                foreach (var other in Authorities.Where(other => other != authority))
                {
                    await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, other, None);
                }
            });

            var own = EntriesOf(authority);
            Assert.Equal(own, await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, authority, None));
            Assert.Equal(own.Take(2), await index.ReadDueAsync(DateOnly.MaxValue, Now, authority, None));
        }
    }

    [Fact]
    public async Task GivenTheSameDeadlineOfTwoAuthorities_WhenTheSecondsIsMovedThenRemoved_ThenTheFirstsRowIsNeverTouched()
    {
        await using var services = await fixture.CreateServicesAsync();
        var index = services.GetRequiredService<IDeadlineIndex>();
        var first = new IndexedDeadline("same-dossier", "payment-window", "PaymentWindow", Today, Now, null);
        var second = first with { AuthorityId = "pma" };
        await index.UpsertAsync([first, second], None);
        var table = DeadlinesTable(services);
        var before = Assert.Single(await TableRows.AllAsync(table), row => row.PartitionKey == "2022-08-31");

        var moved = second with { Day = Today.AddDays(2), DueAt = Now.AddDays(2) };
        await index.RemoveAsync([second], None);
        await index.UpsertAsync([moved], None);
        Assert.Equal([first], await index.ReadRangeAsync(Today, Today.AddDays(2), null, None));
        Assert.Equal([moved], await index.ReadRangeAsync(Today, Today.AddDays(2), "pma", None));

        await index.RemoveAsync([moved], None);

        Assert.Equal([first], await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, null, None));
        Assert.Empty(await index.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, "pma", None));
        // The first authority's row is the very row written at first: never rewritten, never deleted and put back.
        var after = Assert.Single(await TableRows.AllAsync(table));
        Assert.Equal((before.PartitionKey, before.RowKey, before.ETag, before.Timestamp), (after.PartitionKey, after.RowKey, after.ETag, after.Timestamp));
    }

    private static TableClient DeadlinesTable(ServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.DeadlinesTable);
}
