using Approvals.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

[Collection(StorageCollection.Name)]
public sealed class TableDossierStoreTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<IDossierStore> NewStoreAsync() =>
        (await fixture.CreateServicesAsync()).GetRequiredService<IDossierStore>();

    [Fact]
    public async Task GivenANewDossier_WhenCommittedAndLoaded_ThenSnapshotEventsAndOutboxRoundTrip()
    {
        var store = await NewStoreAsync();
        var id = Dossiers.NewId();
        var snapshot = Dossiers.LargeJson(200_000);
        var largeEvent = Dossiers.LargeJson(90_000);
        var outbox = new List<OutboxItem> { new("mail-1", "mail", "{\"to\":\"finances@example.org\"}"), new("deadline/2", "deadline", largeEvent) };
        var built = Dossiers.Commit(id, null, 1, 2, outbox, snapshot);
        var commit = built with { Events = [built.Events[0], built.Events[1] with { Json = largeEvent }] };

        var etag = await store.CommitAsync(commit, None);
        var loaded = await store.LoadAsync(id, None);

        Assert.NotNull(loaded);
        Assert.Equal(new StoredDossier(id, 2, snapshot, "hash-2", etag), loaded);
        Assert.True(snapshot.Length > 6 * 30_000, "the snapshot must need several chunks");
        Assert.Equal(commit.Events, await store.ReadRegisterAsync(id, None));
        // With the commit's own items, the one that makes the dossier index follow it.
        Assert.Equal(
            outbox.Append(new OutboxItem(OutboxKinds.IndexItemId(2), OutboxKinds.Index, "{}")).OrderBy(item => item.Id, StringComparer.Ordinal),
            (await store.ReadOutboxAsync(id, None)).OrderBy(item => item.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivenItemsMarkedFailed_WhenOneIsRetriedAndOneCarriedOut_ThenTheFailedListHoldsExactlyTheOthers()
    {
        var store = await NewStoreAsync();
        var (first, second) = (Dossiers.NewId(), Dossiers.NewId());
        await store.CommitAsync(Dossiers.Commit(first, null, 1, 1, [new("mail-1", "mail", "{}"), new("mail-2", "mail", "{}"), new("mail-3", "mail", "{}")]), None);
        await store.CommitAsync(Dossiers.Commit(second, null, 1, 1, [new("mail-1", "mail", "{}")]), None);
        await store.MarkOutboxFailedAsync(first, "mail-1", "adresse refusée", None);
        await store.MarkOutboxFailedAsync(second, "mail-1", "adresse refusée", None);
        await store.MarkOutboxFailedAsync(first, "mail-2", "adresse refusée", None);
        await store.MarkOutboxFailedAsync(first, "gone", "adresse refusée", None);

        var all = await store.FindFailedOutboxAsync(10, None);
        Assert.Equal(2, (await store.FindFailedOutboxAsync(2, None)).Count);
        Assert.NotNull(await store.ResetOutboxFailureAsync(first, "mail-1", None));
        await store.DeleteOutboxAsync(second, ["mail-1"], None);
        var left = await store.FindFailedOutboxAsync(10, None);

        // Dossier ids are random, so both sides are put in the same order.
        Assert.Equal(new[] { (first, "mail-1"), (first, "mail-2"), (second, "mail-1") }.Order(), all.Select(f => (f.DossierId, f.Item.Id)).Order());
        Assert.Equal([(first, "mail-2")], left.Select(f => (f.DossierId, f.Item.Id)));
        Assert.Equal(["mail-1", "mail-3"], (await store.ReadOutboxAsync(first, None)).Select(item => item.Id).Where(id => id.StartsWith("mail", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task GivenNoDossier_WhenLoaded_ThenNothingIsFound()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.LoadAsync(Dossiers.NewId(), None));
        Assert.Empty(await store.ReadRegisterAsync(Dossiers.NewId(), None));
    }

    [Fact]
    public async Task GivenAStaleETag_WhenCommitted_ThenConflictAndNothingIsWritten()
    {
        var store = await NewStoreAsync();
        var id = Dossiers.NewId();
        var first = await store.CommitAsync(Dossiers.Commit(id, null, 1, 1), None);
        var second = await store.CommitAsync(Dossiers.Commit(id, first, 2, 1), None);

        var stale = Dossiers.Commit(id, first, 3, 2, [new OutboxItem("late", "mail", "{}")], "{\"stale\":true}");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(stale, None));

        var loaded = await store.LoadAsync(id, None);
        Assert.Equal(second, loaded!.ETag);
        Assert.Equal(2, loaded.Version);
        Assert.Equal([1L, 2L], (await store.ReadRegisterAsync(id, None)).Select(entry => entry.Sequence));
        Assert.Equal([OutboxKinds.IndexItemId(1), OutboxKinds.IndexItemId(2)], (await store.ReadOutboxAsync(id, None)).Select(item => item.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivenConcurrentCommitsOnTheSameVersion_WhenSubmitted_ThenExactlyOneWins()
    {
        var store = await NewStoreAsync();
        var id = Dossiers.NewId();
        var etag = await store.CommitAsync(Dossiers.Commit(id, null, 1, 1), None);
        var contenders = Enumerable.Range(0, 4)
            .Select(writer => Dossiers.Commit(id, etag, 2, 1, snapshot: $"{{\"writer\":{writer}}}"))
            .ToList();

        var outcomes = await Task.WhenAll(contenders.Select(async commit =>
        {
            try
            {
                await store.CommitAsync(commit, None);
                return commit.SnapshotJson;
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, outcome => outcome is not null);
        Assert.Equal(winner, (await store.LoadAsync(id, None))!.SnapshotJson);
        Assert.Equal(2, (await store.ReadRegisterAsync(id, None)).Count);
    }

    [Fact]
    public async Task GivenAnExistingDossier_WhenCreatedAgain_ThenConflict()
    {
        var store = await NewStoreAsync();
        var id = Dossiers.NewId();
        await store.CommitAsync(Dossiers.Commit(id, null, 1, 1), None);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(Dossiers.Commit(id, null, 1, 1, snapshot: "{\"again\":1}"), None));

        Assert.Contains("already exists", error.Message);
        Assert.Equal("{\"version\":1}", (await store.LoadAsync(id, None))!.SnapshotJson);
    }

    [Fact]
    public async Task GivenSeveralCommits_WhenTheRegisterIsRead_ThenEventsComeInSequenceOrder()
    {
        var store = await NewStoreAsync();
        var id = Dossiers.NewId();
        var etag = await store.CommitAsync(Dossiers.Commit(id, null, 1, 3), None);
        etag = await store.CommitAsync(Dossiers.Commit(id, etag, 4, 5), None);
        await store.CommitAsync(Dossiers.Commit(id, etag, 9, 4), None);

        var register = await store.ReadRegisterAsync(id, None);

        Assert.Equal(Enumerable.Range(1, 12).Select(sequence => (long)sequence), register.Select(entry => entry.Sequence));
        Assert.All(register, entry => Assert.Equal($"hash-{entry.Sequence - 1}", entry.PreviousHash));
    }

    [Fact]
    public async Task GivenMoreThanOneHundredRows_WhenCommitted_ThenRefusedBeforeAnyWrite()
    {
        var store = await NewStoreAsync();
        var id = Dossiers.NewId();

        // Each commit also writes its state row and the dossier index's outbox row: 98 events fill the transaction.
        await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(Dossiers.Commit(id, null, 1, 99), None));

        Assert.Null(await store.LoadAsync(id, None));
        await store.CommitAsync(Dossiers.Commit(id, null, 1, 98), None);
        Assert.Equal(98, (await store.ReadRegisterAsync(id, None)).Count);
    }

    [Fact]
    public async Task GivenOutboxItemsInSeveralDossiers_WhenDeletedInBatches_ThenDeletionIsIdempotent()
    {
        var store = await NewStoreAsync();
        var (first, second) = (Dossiers.NewId(), Dossiers.NewId());
        var firstETag = await store.CommitAsync(Dossiers.Commit(first, null, 1, 1, [new("a", "mail", "{\"n\":1}"), new("b", "deadline", "{\"n\":2}"), new("d", "mail", "{}")]), None);
        await store.CommitAsync(Dossiers.Commit(second, null, 1, 1, [new("c|?#", "mail", "{\"n\":3}")]), None);

        await store.DeleteOutboxAsync(first, ["a", "d"], None);
        await store.DeleteOutboxAsync(first, ["a"], None);
        await store.DeleteOutboxAsync(second, ["c|?#", "never-written"], None);

        Assert.Equal([OutboxKinds.IndexItemId(1), "b"], (await store.ReadOutboxAsync(first, None)).Select(item => item.Id).Order(StringComparer.Ordinal));
        Assert.Equal([OutboxKinds.IndexItemId(1)], (await store.ReadOutboxAsync(second, None)).Select(item => item.Id));
        Assert.Equal(firstETag, (await store.LoadAsync(first, None))!.ETag);
    }

    [Fact]
    public async Task GivenPendingOutboxLeases_WhenTheSweepClaims_ThenOnlyEndedLeasesAreTakenOnceAndANewerLeaseSurvivesARelease()
    {
        var store = await NewStoreAsync();
        var (ended, running, renewed) = (Dossiers.NewId(), Dossiers.NewId(), Dossiers.NewId());
        var now = Dossiers.Start;
        await store.LeaseOutboxAsync(ended, now.AddSeconds(-1), None);
        await store.LeaseOutboxAsync(running, now.AddMinutes(2), None);
        var old = await store.LeaseOutboxAsync(renewed, now.AddSeconds(-5), None);
        var newer = await store.LeaseOutboxAsync(renewed, now.AddMinutes(2), None);

        var claimed = await store.ClaimDueOutboxAsync(now, now.AddMinutes(2), 10, None);
        var again = await store.ClaimDueOutboxAsync(now, now.AddMinutes(2), 10, None);

        Assert.Equal([ended], claimed.Select(lease => lease.DossierId));
        Assert.Empty(again);
        Assert.Null(await store.RenewOutboxLeaseAsync(old, now.AddMinutes(5), None));
        await store.ReleaseOutboxLeaseAsync(old, None);
        var handedBack = await store.RenewOutboxLeaseAsync(newer, now, None);
        Assert.NotNull(handedBack);
        Assert.Equal([renewed], (await store.ClaimDueOutboxAsync(now, now.AddMinutes(2), 10, None)).Select(lease => lease.DossierId));
        await store.ReleaseOutboxLeaseAsync(claimed[0], None);
        Assert.Equal(new[] { running, renewed }.Order(), (await store.ClaimDueOutboxAsync(now.AddHours(1), now.AddHours(2), 10, None)).Select(lease => lease.DossierId).Order());
    }

    [Fact]
    public async Task GivenDossiersOfSeveralStagesYearsAndLines_WhenQueried_ThenOnlyMatchesComeBackNewestFirst()
    {
        var store = await NewStoreAsync();
        var dossiers = new[]
        {
            Dossiers.Summary("d1", "Submitted", 2022, "BP2022-ENS", "Association Le Pont", "Festival des sciences", 9_000.50m, Dossiers.Start.AddDays(1)),
            Dossiers.Summary("d2", "Voted", 2022, "BP2022-ENS", "École de musique de Besançon", "Saison musicale", 12_345.67m, Dossiers.Start.AddDays(2)),
            Dossiers.Summary("d3", "Submitted", 2023, "BP2023-ENS", "Université de Franche-Comté", "Chaire ALIMS", 786_000m, Dossiers.Start.AddDays(3)),
            Dossiers.Summary("d4", "Submitted", 2022, "BP2022-CULT", "Théâtre du Pont", "Résidence d'artistes", 5_000m, Dossiers.Start.AddDays(4)),
            Dossiers.Summary("d5", "Submitted", 2022, "BP2022-ENS", "Club sportif", "Tournoi des écoles", 1_500m, Dossiers.Start.AddDays(5)),
        };
        foreach (var summary in dossiers)
        {
            var commit = Dossiers.Commit(summary.DossierId, null, 1, 1, summary: summary);
            commit = commit with { Events = [commit.Events[0] with { RecordedAt = summary.UpdatedAt }] };
            await store.CommitAsync(commit, None);
            await store.IndexAsync(commit, None);
        }

        async Task<string[]> Ids(DossierQuery query) => (await store.QueryAsync(query, None)).Select(found => found.DossierId).ToArray();

        Assert.Equal(["d5", "d4", "d3", "d2", "d1"], await Ids(new DossierQuery()));
        Assert.Equal(["d5", "d4", "d3", "d1"], await Ids(new DossierQuery(Stage: "Submitted")));
        Assert.Equal(["d3"], await Ids(new DossierQuery(Year: 2023)));
        Assert.Equal(["d5", "d1"], await Ids(new DossierQuery(Stage: "Submitted", Year: 2022, BudgetLineCode: "BP2022-ENS")));
        Assert.Equal(["d4", "d1"], await Ids(new DossierQuery(Beneficiary: "PONT")));
        Assert.Equal(["d2"], await Ids(new DossierQuery(Beneficiary: "ecole de")));
        Assert.Equal(["d5"], await Ids(new DossierQuery(Text: "ÉCOLES")));
        Assert.Equal(["d3"], await Ids(new DossierQuery(Text: "alims")));
        Assert.Equal(["d4", "d3"], await Ids(new DossierQuery(Skip: 1, Take: 2)));
        Assert.Empty(await Ids(new DossierQuery(Stage: "Closed")));
        Assert.Equal(dossiers[1], (await store.QueryAsync(new DossierQuery(Beneficiary: "musique"), None)).Single());
    }

    [Fact]
    public async Task GivenACounter_WhenIncrementedSequentiallyAndConcurrently_ThenEveryValueIsGivenOnce()
    {
        var store = await NewStoreAsync();

        Assert.Equal(1, await store.NextSequenceAsync("SUB-2022", None));
        Assert.Equal(2, await store.NextSequenceAsync("SUB-2022", None));
        Assert.Equal(1, await store.NextSequenceAsync("SUB-2023", None));

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.NextSequenceAsync("SUB-2022", None)));

        Assert.Equal(Enumerable.Range(3, 8).Select(value => (long)value), concurrent.Order());
    }
}
