using Approvals.Application;
using Approvals.Bench;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Approvals.Storage.Tests;

/// <summary>
/// Issue 15: each authority's agents read their own portal inbox, newest first, without reading another authority's
/// submissions or every submission ever made; submissions recorded before inboxes existed are filed once, by the host's start.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class PortalInboxTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenSubmissionsToTwoAuthorities_WhenEachInboxIsRead_ThenItHoldsOnlyItsOwnNewestFirstInOneRequest()
    {
        await using var services = await fixture.CreateServicesAsync();
        var store = services.GetRequiredService<IPortalStore>();
        // Recorded out of order, a day apart: the first authority's every other day, the second's in between.
        var submissions = Enumerable.Range(0, 9)
            .Select(i => new PortalSubmission($"{(i % 3 == 2 ? "PMA-" : "")}SUB-2026-{i + 1:D4}", $"{i + 1}", $"porteur{i}@example.fr", Start.AddDays((i * 5) % 9),
                AuthorityId: i % 3 == 2 ? "pma" : null))
            .ToList();
        foreach (var submission in submissions)
        {
            await store.RecordSubmissionAsync(submission, None);
        }

        var (counted, counter) = CountedStore(services);
        var before = counter.Count;
        var first = await counted.InboxAsync(null, 200, None);
        Assert.Equal(1, counter.Count - before);
        Assert.Equal(submissions.Where(s => s.AuthorityId is null).OrderByDescending(s => s.SubmittedAt), first);

        before = counter.Count;
        var second = await counted.InboxAsync("pma", 2, None);
        Assert.Equal(1, counter.Count - before);
        Assert.Equal(submissions.Where(s => s.AuthorityId == "pma").OrderByDescending(s => s.SubmittedAt).Take(2), second);
        Assert.Empty(await counted.InboxAsync("cagb", 200, None));
    }

    [Fact]
    public async Task GivenASubmissionInTheSecondAuthority_WhenAnAgentChecksIt_ThenItsInboxShowsTheCheckAndItIsFoundWithIt()
    {
        await using var services = await fixture.CreateServicesAsync();
        var store = services.GetRequiredService<IPortalStore>();
        var submission = new PortalSubmission("PMA-SUB-2026-0001", "PMA-SUB-2026-0001", "porteur@example.fr", Start, AuthorityId: "pma");
        await store.RecordSubmissionAsync(submission, None);
        var check = new PortalCheck(PortalCheckOutcome.DocumentsMissing, "Il manque le RIB.", "Claire Martin", Start.AddDays(1));

        await store.SaveCheckAsync(submission.DossierId, check, None);

        Assert.Equal([submission with { Check = check }], await store.InboxAsync("pma", 200, None));
        Assert.Equal(submission with { Check = check }, await store.FindSubmissionAsync(submission.DossierId, None));
        Assert.Empty(await store.InboxAsync(null, 200, None));
    }

    [Fact]
    public async Task GivenSubmissionsRecordedBeforeInboxes_WhenTheHostStartsTwice_ThenEachIsFiledOnceInItsDossiersAuthority()
    {
        await using var services = await fixture.CreateServicesAsync();
        var dossiers = services.GetRequiredService<IDossierStore>();
        var portal = PortalTable(services);
        await Dossiers.OfAuthorityAsync(dossiers, "SUB-2026-0001", null);
        await Dossiers.OfAuthorityAsync(dossiers, "PMA-SUB-2026-0001", "pma");
        // As the earlier version wrote them: one partition, keyed by dossier id, no authority; one checked, one whose dossier is gone.
        var check = new PortalCheck(PortalCheckOutcome.Complete, "", "Claire Martin", Start.AddDays(2));
        PortalSubmission[] old =
        [
            new("SUB-2026-0001", "SUB-2026-0001", "a@example.fr", Start),
            new("PMA-SUB-2026-0001", "PMA-SUB-2026-0001", "b@example.fr", Start.AddHours(1), check),
            new("SUB-2026-0009", "SUB-2026-0009", "c@example.fr", Start.AddHours(2)),
        ];
        foreach (var submission in old)
        {
            var row = new TableEntity("submission", submission.DossierId)
            {
                ["DossierId"] = submission.DossierId,
                ["Number"] = submission.Number,
                ["Address"] = submission.Address,
                ["SubmittedAt"] = submission.SubmittedAt,
            };
            if (submission.Check is { } checkedOnce)
            {
                (row["CheckOutcome"], row["CheckNote"], row["CheckBy"], row["CheckAt"]) = (checkedOnce.Outcome.ToString(), checkedOnce.Note, checkedOnce.By, checkedOnce.At);
            }

            await portal.AddEntityAsync(row);
        }

        var store = services.GetRequiredService<IPortalStore>();
        Assert.Empty(await store.InboxAsync(null, 200, None));
        var upgrade = new StorageUpgrade(
            services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<IOptions<StorageOptions>>(), TimeProvider.System, NullLogger<StorageUpgrade>.Instance);

        Assert.True(await upgrade.RunAsync(None));

        Assert.Equal([old[2], old[0]], await store.InboxAsync(null, 200, None));
        Assert.Equal([old[1] with { AuthorityId = "pma" }], await store.InboxAsync("pma", 200, None));
        var rows = await TableRows.AllAsync(portal);
        Assert.Equal(1, rows.Single(row => row.PartitionKey == "~layout").GetInt32("Layout"));

        // The next start reads the marker and does nothing: not a row is rewritten.
        Assert.False(await upgrade.RunAsync(None));
        Assert.Equal(rows.Select(row => (row.PartitionKey, row.RowKey, row.ETag)), (await TableRows.AllAsync(portal)).Select(row => (row.PartitionKey, row.RowKey, row.ETag)));
    }

    /// <summary>A store of its own over the same tables, its requests counted.</summary>
    private (TablePortalStore Store, RoundTripCounter Counter) CountedStore(ServiceProvider services)
    {
        var (tables, counter) = CountedTables.Over(fixture.Azurite.ConnectionString);
        return (new TablePortalStore(tables, services.GetRequiredService<IOptions<StorageOptions>>()), counter);
    }

    private static TableClient PortalTable(ServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.PortalTable);
}
