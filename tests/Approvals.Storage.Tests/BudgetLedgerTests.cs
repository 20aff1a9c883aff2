using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Server;
using Approvals.Testing;
using Approvals.Bench;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// [hardening] 1 and [scale] budget lines over the real Azurite: a crash between a vote's reservation and its commit,
/// a crash after the commit, outbox items applied twice or late, and the rebuild from the dossiers.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class BudgetLedgerTests(StorageFixture storage)
{
    private const string Code = "65-23-6574";

    private const string Second = "pma";

    private static readonly DemoData.DemoScript Seed = DomainJson.Deserialize<DemoData.DemoScript>(
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "Demo", "seed-004.json")));

    private static readonly Actor Officer = new("Claire Martin", Role.CaseOfficer);

    private static GrantRequest Request => Seed.Dossiers[0].Request;

    private static DossierCommand.RecordVote Vote => Seed.Dossiers[0].Commands.Select(c => c.Command).OfType<DossierCommand.RecordVote>().First();

    [Fact]
    public async Task A_crash_between_the_reservation_and_the_commit_holds_the_credits_until_reconciliation_releases_them()
    {
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var services = await ServicesAsync(time);
        var (service, ledger, lines, crash) = Parts(services);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 10_000m), CancellationToken.None);
        var first = await CreateAsync(service);
        var second = await CreateAsync(service);
        time.SetUtcNow(Paris(2022, 6, 10));

        crash.Crash = CrashingStore.Point.BeforeCommit;
        await Assert.ThrowsAsync<StorageFailedException>(() => VoteAsync(service, ledger, first));
        crash.Crash = CrashingStore.Point.None;

        // In doubt, the reservation holds: the second vote cannot take credits the first may have committed.
        Assert.Equal((0m, 9_000m, 1_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None)));
        var refused = await VoteAsync(service, ledger, second);
        Assert.Equal("budget.credits-insufficient", Assert.Single(refused.Refusals).Code);
        Assert.Equal(0, await ledger.ReconcileAsync(CancellationToken.None));

        time.Advance(BudgetLedger.ReservationLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ledger.ReconcileAsync(CancellationToken.None));

        Assert.Equal((0m, 0m, 10_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None)));
        Assert.Equal(DossierStage.Submitted, (await service.GetAsync(first, CancellationToken.None)).Unwrap().State.Stage);
        Assert.True((await VoteAsync(service, ledger, second)).IsOk);
        await AssertLedgerEqualsDossiersAsync(services);
    }

    [Fact]
    public async Task A_crash_after_the_commit_leaves_a_reservation_that_the_outbox_confirms_and_a_second_run_adds_nothing()
    {
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var services = await ServicesAsync(time);
        var (service, ledger, lines, crash) = Parts(services);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 10_000m), CancellationToken.None);
        var first = await CreateAsync(service);
        var second = await CreateAsync(service);
        time.SetUtcNow(Paris(2022, 6, 10));

        crash.Crash = CrashingStore.Point.AfterCommit;
        await Assert.ThrowsAsync<StorageFailedException>(() => VoteAsync(service, ledger, first));
        crash.Crash = CrashingStore.Point.None;

        Assert.Equal((0m, 9_000m, 1_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None)));
        Assert.Equal("budget.credits-insufficient", Assert.Single((await VoteAsync(service, ledger, second)).Refusals).Code);

        time.Advance(BudgetLedger.ReservationLease + TimeSpan.FromSeconds(1));
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        Assert.True(await dispatcher.SweepAsync(CancellationToken.None) > 0);
        Assert.Equal((9_000m, 0m, 1_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None)));

        // The same item carried out again (a dispatcher that died before deleting it), and a late reconciliation: nothing moves.
        var stored = await services.GetRequiredService<IDossierStore>().LoadAsync(first, CancellationToken.None);
        var state = DomainJson.Deserialize<Snapshot>(stored!.SnapshotJson).State;
        await ledger.ApplyAsync(first, LedgerChange.Of(state, null), CancellationToken.None);
        await ledger.ApplyAsync(first, LedgerChange.Of(state, null) with { Version = 1, Committed = 0m }, CancellationToken.None);
        Assert.Equal(0, await ledger.ReconcileAsync(CancellationToken.None));
        Assert.Equal((9_000m, 0m, 1_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None)));
        await AssertLedgerEqualsDossiersAsync(services);
    }

    [Fact]
    public async Task Ten_identical_votes_at_once_on_one_dossier_commit_its_credits_once_and_leave_nothing_reserved()
    {
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var services = await ServicesAsync(time);
        var (service, ledger, lines, _) = Parts(services);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 10_000m), CancellationToken.None);
        var id = await CreateAsync(service);
        time.SetUtcNow(Paris(2022, 6, 10));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => VoteAsync(service, ledger, id))));

        // Identical commands at one instant are one write (the service takes a landed twin as its own); the others lose.
        Assert.Contains(results, r => r.IsOk);
        Assert.All(results.Where(r => r.IsOk), r => Assert.Equal(3, r.Unwrap().Version));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Contains(r.Refusals[0].Code, new[] { "stage.wrong", "dossier.concurrent-change" }));
        Assert.Single(await service.ReadRegisterAsync(id, CancellationToken.None), e => e.Type == "VoteRecorded");
        Assert.Equal((9_000m, 0m, 1_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None)));
        await AssertLedgerEqualsDossiersAsync(services);
    }

    /// <summary>
    /// [scale]: the votes of one process on one line take turns on its rows, so none of them reads or writes again
    /// after losing the line's compare-and-swap to another (the bench's lifecycle: 51 of its 146 requests per dossier
    /// were the ledger's; 112 and 18 with the turns).
    /// </summary>
    [Fact]
    public async Task Eight_votes_at_once_on_one_line_cost_its_rows_what_eight_votes_one_after_another_cost()
    {
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        var (tables, counter) = CountedTables.Over(storage.Azurite.ConnectionString);
        await using var services = await ServicesAsync(time, tables);
        var (service, ledger, lines, _) = Parts(services);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 200_000m), CancellationToken.None);
        var ids = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            ids.Add(await CreateAsync(service));
        }

        time.SetUtcNow(Paris(2022, 6, 10));
        var start = LineRequests(counter);
        foreach (var id in ids[..8])
        {
            Assert.True((await VoteAsync(service, ledger, id)).IsOk);
        }

        var oneAfterAnother = LineRequests(counter) - start;
        var atOnce = await Task.WhenAll(ids[8..].Select(id => Task.Run(() => VoteAsync(service, ledger, id))));

        Assert.All(atOnce, vote => Assert.True(vote.IsOk));
        Assert.True(oneAfterAnother > 0);
        Assert.Equal(oneAfterAnother, LineRequests(counter) - start - oneAfterAnother);
        Assert.Equal((16 * Vote.AmountVoted, 0m, 200_000m - 16 * Vote.AmountVoted), Figures(await lines.FindAsync(2022, Code, CancellationToken.None)));
        await AssertLedgerEqualsDossiersAsync(services);
    }

    [Fact]
    public async Task After_votes_payments_a_settlement_and_a_withdrawal_the_ledger_equals_the_dossiers_and_a_rebuild_restores_a_damaged_line()
    {
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var services = await ServicesAsync(time);
        var (service, ledger, lines, _) = Parts(services);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 30_000m), CancellationToken.None);
        var paid = await CreateAsync(service);
        var withdrawn = await CreateAsync(service);
        time.SetUtcNow(Paris(2022, 6, 10));
        Assert.True((await VoteAsync(service, ledger, withdrawn)).IsOk);
        Assert.True((await service.HandleAsync(withdrawn, new DossierCommand.Withdraw(new DateOnly(2022, 6, 10), "Projet abandonné"), Officer, CancellationToken.None)).IsOk);
        Assert.True((await VoteAsync(service, ledger, paid)).IsOk);
        foreach (var command in Seed.Dossiers[0].Commands.Select(c => c.Command).Where(c => c is not DossierCommand.RecordVote))
        {
            time.SetUtcNow(Paris(2022, 9, 30));
            Assert.True((await service.HandleAsync(paid, command, Officer, CancellationToken.None)).IsOk, command.GetType().Name);
        }

        time.SetUtcNow(Paris(2023, 2, 10));
        Assert.True((await service.HandleAsync(paid, new DossierCommand.ReceiveReport(new DateOnly(2023, 1, 20), 12_000m), Officer, CancellationToken.None)).IsOk);
        Assert.True((await service.HandleAsync(paid, new DossierCommand.OrderRecovery(new DateOnly(2023, 2, 10), RecoveryReason.CostsShortfall, null), Officer, CancellationToken.None)).IsOk);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.SweepAsync(CancellationToken.None);

        var line = await lines.FindAsync(2022, Code, CancellationToken.None);
        Assert.True(line!.Paid > 0m && line.Recovered > 0m, $"paid {line.Paid}, recovered {line.Recovered}");
        await AssertLedgerEqualsDossiersAsync(services);

        await lines.WriteAsync(line with { Committed = 1m, Paid = 2m, Recovered = 3m, Reserved = 4m, Dossiers = 5 }, null, CancellationToken.None);
        await ledger.RebuildAsync(CancellationToken.None);

        Assert.Equal(line with { ETag = null }, (await lines.FindAsync(2022, Code, CancellationToken.None))! with { ETag = null });
        await AssertLedgerEqualsDossiersAsync(services);
    }

    /// <summary>Issue 15: a dossier of the second authority is charged to its own authority's line, never to the first one's of the same code.</summary>
    [Fact]
    public async Task GivenTheSameLineInTwoAuthorities_WhenTheSecondOnesDossierIsVotedCrashedReconciledAndRebuilt_ThenOnlyItsLineMoves()
    {
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var services = await ServicesAsync(time);
        var (service, ledger, lines, crash) = Parts(services);
        await services.GetRequiredService<AuthorityDirectory>().SaveAsync(new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 500m), CancellationToken.None);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur (PMA)", 10_000m), CancellationToken.None, Second);
        var theirs = (await service.CreateAsync(Request, Officer with { AuthorityId = Second }, null, CancellationToken.None)).Unwrap().DossierId;
        time.SetUtcNow(Paris(2022, 6, 10));

        // The vote's credits are the second authority's line's: the first one's 500 € would refuse its 9 000 €.
        Assert.Equal(10_000m, await ledger.AvailableAsync(2022, Code, theirs, CancellationToken.None, Second));
        Assert.Equal(500m, await ledger.AvailableAsync(2022, Code, theirs, CancellationToken.None));
        crash.Crash = CrashingStore.Point.BeforeCommit;
        await Assert.ThrowsAsync<StorageFailedException>(() => VoteAsync(service, ledger, theirs, Second));
        crash.Crash = CrashingStore.Point.None;
        Assert.Equal((0m, 9_000m, 1_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None, Second)));

        time.Advance(BudgetLedger.ReservationLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ledger.ReconcileAsync(CancellationToken.None));
        Assert.Equal((0m, 0m, 10_000m), Figures(await lines.FindAsync(2022, Code, CancellationToken.None, Second)));
        Assert.True((await VoteAsync(service, ledger, theirs, Second)).IsOk);

        var voted = await lines.FindAsync(2022, Code, CancellationToken.None, Second);
        Assert.Equal((9_000m, 0m, 1_000m, 1), (voted!.Committed, voted.Reserved, voted.Available, voted.Dossiers));
        await lines.WriteAsync(voted with { Committed = 1m, Dossiers = 7 }, null, CancellationToken.None);
        await ledger.RebuildAsync(CancellationToken.None, Second);
        Assert.Equal(voted with { ETag = null }, (await lines.FindAsync(2022, Code, CancellationToken.None, Second))! with { ETag = null });

        // The first authority's line of the same code saw none of it, and lists only its own line.
        var ours = await lines.FindAsync(2022, Code, CancellationToken.None);
        Assert.Equal(("Enseignement supérieur", 0m, 0m, 0), (ours!.Label, ours.Committed, ours.Reserved, ours.Dossiers));
        Assert.Equal([("Enseignement supérieur", (string?)null)], (await lines.ListBalancesAsync(null, CancellationToken.None)).Select(l => (l.Label, l.AuthorityId)));
        Assert.Equal([("Enseignement supérieur (PMA)", (string?)Second)], (await lines.ListBalancesAsync(2022, CancellationToken.None, Second)).Select(l => (l.Label, l.AuthorityId)));
    }

    /// <summary>
    /// Issue 15: the rows of a deployment from before authorities were data (written raw, as that version wrote them) are
    /// the first authority's, read and moved as before; an outbox item of that time (no authority) charges them too.
    /// </summary>
    [Fact]
    public async Task GivenRowsWrittenBeforeAuthorities_WhenReadAndChargedAsTheFirstAuthority_ThenTheyAreItsAndNoneOfTheSecondOnes()
    {
        await using var services = await ServicesAsync(new FakeTimeProvider(Paris(2022, 5, 3)));
        var (_, ledger, lines, _) = Parts(services);
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        var tables = services.GetRequiredService<Azure.Data.Tables.TableServiceClient>();
        await tables.GetTableClient(options.BudgetLinesTable).AddEntityAsync(new Azure.Data.Tables.TableEntity("2022", Code)
        {
            ["Year"] = 2022,
            ["Code"] = Code,
            ["Label"] = "Enseignement supérieur",
            ["Voted"] = "10000.50",
            ["AidScheme"] = "AIDE-ENS-SUP",
        });
        var ledgerTable = tables.GetTableClient(options.BudgetLedgerTable);
        await ledgerTable.AddEntityAsync(new Azure.Data.Tables.TableEntity("2022", Code)
        {
            ["Code"] = Code,
            ["Committed"] = "4000",
            ["Reserved"] = "0",
            ["Paid"] = "1000",
            ["Recovered"] = "0",
            ["Dossiers"] = 1,
        });
        await ledgerTable.AddEntityAsync(new Azure.Data.Tables.TableEntity("2022", $"|{Code}|SUB-2022-0001")
        {
            ["Code"] = Code,
            ["DossierId"] = "SUB-2022-0001",
            ["Version"] = 6L,
            ["Committed"] = "4000",
            ["Paid"] = "1000",
            ["Recovered"] = "0",
            ["Reserved"] = "0",
            ["ReservedVersion"] = 0L,
        });

        var old = await lines.FindAsync(2022, Code, CancellationToken.None);
        Assert.Equal(("Enseignement supérieur", 10_000.50m, 4_000m, 1_000m, 6_000.50m, 1, "AIDE-ENS-SUP"),
            (old!.Label, old.Voted, old.Committed, old.Paid, old.Available, old.Dossiers, old.AidScheme));
        Assert.Equal([Code], (await lines.ListBalancesAsync(null, CancellationToken.None)).Select(l => l.Code));
        Assert.Equal(["SUB-2022-0001"], (await lines.ListSharesAsync(2022, Code, CancellationToken.None)).Select(s => s.DossierId));
        Assert.Null(await lines.FindAsync(2022, Code, CancellationToken.None, Second));
        Assert.Empty(await lines.ListBalancesAsync(null, CancellationToken.None, Second));

        // An outbox item written before authorities were data: its JSON has no authority.
        var json = System.Text.Json.Nodes.JsonNode.Parse(DomainJson.Serialize(new LedgerChange(2022, Code, 8, 5_000m, 2_000m, 0m)))!.AsObject();
        json.Remove(json.Select(p => p.Key).Single(k => k.Equals(nameof(LedgerChange.AuthorityId), StringComparison.OrdinalIgnoreCase)));
        await ledger.ApplyAsync("SUB-2022-0001", DomainJson.Deserialize<LedgerChange>(json.ToJsonString()), CancellationToken.None);

        var charged = await lines.FindAsync(2022, Code, CancellationToken.None);
        Assert.Equal((5_000m, 2_000m, 1, "Enseignement supérieur"), (charged!.Committed, charged.Paid, charged.Dossiers, charged.Label));
    }

    /// <summary>Issue 15: the SCDL file of an authority names it (<c>nomAttribuant</c>, <c>idAttribuant</c>) and its own lines' aid schemes.</summary>
    [Fact]
    public async Task GivenTwoAuthoritiesWithTheSameLine_WhenTheScdlSourcesAreLoaded_ThenEachHasItsAuthorityAndItsAidScheme()
    {
        await using var services = await ServicesAsync(new FakeTimeProvider(Paris(2022, 5, 3)));
        var lines = services.GetRequiredService<IBudgetLineStore>();
        await services.GetRequiredService<AuthorityDirectory>().SaveAsync(new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 500m, "AIDE-GBM"), CancellationToken.None);
        await lines.UpsertAsync(new BudgetLineRecord(2022, Code, "Enseignement supérieur", 500m, "AIDE-PMA"), CancellationToken.None, Second);
        var exports = services.GetRequiredService<ExportLoading>();
        var first = services.GetRequiredService<AuthorityDirectory>().First;

        var theirs = await exports.ScdlAsync(2022, Second, CancellationToken.None);
        var ours = await exports.ScdlAsync(2022, null, CancellationToken.None);

        Assert.Equal(("Pays de Montbéliard Agglomération", "20000000000000", "AIDE-PMA"), (theirs.Authority.Name, theirs.Authority.Siret, theirs.AidScheme(new BudgetLineRef(2022, Code, ""))));
        Assert.Equal((first.Name, first.Siret, "AIDE-GBM"), (ours.Authority.Name, ours.Authority.Siret, ours.AidScheme(new BudgetLineRef(2022, Code, ""))));
    }

    /// <summary>Every line's totals equal the sums over the dossiers charged to it, read from the dossiers themselves.</summary>
    private static async Task AssertLedgerEqualsDossiersAsync(ServiceProvider services)
    {
        var store = services.GetRequiredService<IDossierStore>();
        var states = new List<Dossier>();
        foreach (var summary in await store.QueryAsync(new DossierQuery(Take: int.MaxValue), CancellationToken.None))
        {
            states.Add(DomainJson.Deserialize<Snapshot>((await store.LoadAsync(summary.DossierId, CancellationToken.None))!.SnapshotJson).State);
        }

        foreach (var line in await services.GetRequiredService<IBudgetLineStore>().ListBalancesAsync(null, CancellationToken.None))
        {
            var charged = states.Where(s => s.Request!.BudgetLine.Year == line.Year && s.Request.BudgetLine.Code == line.Code).ToList();
            Assert.Equal(
                (charged.Count, charged.Sum(s => s.CreditsCommitted), 0m, charged.Sum(s => s.AmountPaid), charged.Sum(s => s.AmountRecovered)),
                (line.Dossiers, line.Committed, line.Reserved, line.Paid, line.Recovered));
        }
    }

    private static (decimal Committed, decimal Reserved, decimal Available) Figures(BudgetLineBalance? line) =>
        (line!.Committed, line.Reserved, line.Available);

    private static async Task<string> CreateAsync(DossierService service) =>
        (await service.CreateAsync(Request, Officer, null, CancellationToken.None)).Unwrap().DossierId;

    /// <summary>The vote as a host sends it: the credits read from the line's row.</summary>
    private static async Task<Result<CommandOutcome>> VoteAsync(DossierService service, BudgetLedger ledger, string id, string? authorityId = null) =>
        await service.HandleAsync(
            id,
            Vote with { AvailableCredits = await ledger.AvailableAsync(2022, Code, id, CancellationToken.None, authorityId) },
            new Actor("Yves Guyen", Role.Secretariat) { AuthorityId = authorityId },
            CancellationToken.None);

    private static (DossierService, BudgetLedger, IBudgetLineStore, CrashingStore) Parts(ServiceProvider services) =>
        (services.GetRequiredService<DossierService>(), services.GetRequiredService<BudgetLedger>(),
            services.GetRequiredService<IBudgetLineStore>(), services.GetRequiredService<CrashingStore>());

    /// <param name="tables">The table client the services use (none: the storage's own).</param>
    private async Task<ServiceProvider> ServicesAsync(TimeProvider time, TableServiceClient? tables = null)
    {
        var settings = StorageApp.Tables(storage.Azurite);
        settings["Storage:AuthoritiesTable"] = "Authorities" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton(time)
            .AddApprovalsCore(configuration)
            .AddApprovalsStorage(configuration)
            .AddSingleton<IMailer, NoMailer>()
            .AddSingleton<TableDossierStore>()
            .AddSingleton(provider => new CrashingStore(provider.GetRequiredService<TableDossierStore>()))
            .AddSingleton<IDossierStore>(provider => provider.GetRequiredService<CrashingStore>());
        if (tables is not null)
        {
            collection.RemoveAll<TableServiceClient>();
            collection.AddSingleton(tables);
        }

        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);
        return services;
    }

    private static DateTimeOffset Paris(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1)).ToUniversalTime();

    /// <summary>The requests sent so far to the budget lines' tables (the lines', the ledger's), batches included.</summary>
    private static long LineRequests(RoundTripCounter counter) =>
        counter.ByKind.Where(kind => kind.Key.Split(' ')[^1].StartsWith("BudgetL", StringComparison.Ordinal)).Sum(kind => kind.Value);

    private sealed class NoMailer : IMailer
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
