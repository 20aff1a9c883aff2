using Approvals.Api;
using Approvals.Application;
using Approvals.Clock;
using Approvals.Domain;
using Approvals.Server;
using Approvals.Testing;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// The dossier service over the real Azurite: the seed dossier through every stage and read back after a restart,
/// concurrent writers, a crash between the commit and the outbox, the register's hash chain, and the clock.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DossierServiceTests(StorageFixture storage)
{
    private static readonly DemoData.DemoScript Seed = DomainJson.Deserialize<DemoData.DemoScript>(
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "Demo", "seed-004.json")));

    private static readonly Actor Officer = new("Claire Martin", Role.CaseOfficer);

    [Fact]
    public async Task The_seed_dossier_read_back_after_a_restart_equals_the_pure_domain()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        string id;
        var expected = Dossier.Empty;
        await using (var first = await StorageApp.StartAsync(tables, time, new RecordingMailer()))
        {
            var service = first.GetRequiredService<DossierService>();
            id = (await service.CreateAsync(SeedDossier.Request, Officer, null, CancellationToken.None)).Unwrap().DossierId;
            expected = Apply(expected, new DossierCommand.SubmitRequest(new DossierNumber(2022, 1), SeedDossier.Request, ProcessPolicy.Default), time.GetUtcNow());
            foreach (var (command, now) in SeedDossier.Steps.Concat(SeedDossier.Settlement))
            {
                time.SetUtcNow(now);
                Assert.True((await service.HandleAsync(id, command, Officer, CancellationToken.None)).IsOk, command.GetType().Name);
                expected = Apply(expected, command, now);
            }
        }

        await using var restarted = await StorageApp.StartAsync(tables, time, new RecordingMailer());
        var fresh = restarted.GetRequiredService<DossierService>();
        var stored = (await fresh.GetAsync(id, CancellationToken.None)).Unwrap().State;
        var register = await fresh.ReadRegisterAsync(id, CancellationToken.None);

        Assert.Equal(DossierStage.Closed, stored.Stage);
        Assert.Equal(DomainJson.Serialize(expected), DomainJson.Serialize(stored));
        Assert.Equal(DomainJson.Serialize(expected), DomainJson.Serialize(Workflow.Replay(register.Select(e => DomainJson.DeserializeEvent(e.Type, e.Json)))));
        Assert.True((await fresh.VerifyRegisterAsync(id, CancellationToken.None)).Unwrap().Valid);
        Assert.All(register, e => Assert.Equal("Claire Martin (CaseOfficer)", e.Actor));
    }

    [Fact]
    public async Task Of_two_commands_on_the_same_version_exactly_one_wins_and_the_loser_changes_nothing()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var a = await StorageApp.StartAsync(tables, time, new RecordingMailer());
        await using var b = await StorageApp.StartAsync(tables, time, new RecordingMailer());
        var first = a.GetRequiredService<DossierService>();
        var second = b.GetRequiredService<DossierService>();
        var id = (await first.CreateAsync(SeedDossier.Request, Officer, null, CancellationToken.None)).Unwrap().DossierId;
        var version = (await second.GetAsync(id, CancellationToken.None)).Unwrap().Version;
        time.SetUtcNow(Paris(2022, 6, 10));

        var outcomes = await Task.WhenAll(
            first.HandleAsync(id, SeedDossier.Steps[0].Command, Officer, CancellationToken.None, expectedVersion: version),
            second.HandleAsync(id, new DossierCommand.Withdraw(new DateOnly(2022, 6, 10), "Renoncement"), Officer, CancellationToken.None, expectedVersion: version));

        Assert.Single(outcomes, o => o.IsOk);
        var loser = Assert.Single(outcomes, o => !o.IsOk);
        Assert.Equal(RefusalKind.WrongStage, loser.Refusals[0].Kind);
        var register = await first.ReadRegisterAsync(id, CancellationToken.None);
        Assert.True(register.Count(e => e.Type is "VoteRecorded" or "Withdrawn") == 1, string.Join(", ", register.Select(e => e.Type)));
    }

    [Fact]
    public async Task A_write_that_landed_although_its_answer_was_lost_is_taken_as_done_not_refused()
    {
        // Two processes send the very same command at the same instant: byte for byte the write a storage client
        // retries after losing the answer. The second finds the chain ending with its own hash and reports success.
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var a = await StorageApp.StartAsync(tables, time, new RecordingMailer());
        await using var b = await StorageApp.StartAsync(tables, time, new RecordingMailer());
        var id = (await a.GetRequiredService<DossierService>().CreateAsync(SeedDossier.Request, Officer, null, CancellationToken.None)).Unwrap().DossierId;
        await b.GetRequiredService<DossierService>().GetAsync(id, CancellationToken.None);
        time.SetUtcNow(Paris(2022, 6, 10));

        var first = await a.GetRequiredService<DossierService>().HandleAsync(id, SeedDossier.Steps[0].Command, Officer, CancellationToken.None);
        var retried = await b.GetRequiredService<DossierService>().HandleAsync(id, SeedDossier.Steps[0].Command, Officer, CancellationToken.None);

        Assert.True(first.IsOk);
        Assert.True(retried.IsOk, retried.IsOk ? "" : retried.Refusals[0].Message);
        Assert.Equal(first.Unwrap().Version, retried.Unwrap().Version);
        var register = await a.GetRequiredService<DossierService>().ReadRegisterAsync(id, CancellationToken.None);
        Assert.Single(register, e => e.Type == "VoteRecorded");
    }

    [Fact]
    public async Task A_crash_between_the_commit_and_the_outbox_loses_no_email_and_no_deadline()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        string id;
        await using (var crashing = await StorageApp.StartAsync(tables, time, new RecordingMailer { Failing = true }))
        {
            var service = crashing.GetRequiredService<DossierService>();
            id = (await service.CreateAsync(SeedDossier.Request, Officer, null, CancellationToken.None)).Unwrap().DossierId;
            foreach (var (command, now) in SeedDossier.Steps.Take(5))
            {
                time.SetUtcNow(now);
                Assert.True((await service.HandleAsync(id, command, Officer, CancellationToken.None)).IsOk);
            }

            // The mailer fails and the process dies before the dispatcher ever runs.
            Assert.True(crashing.GetRequiredService<OutboxSignal>().Reader.TryRead(out _), "work was signalled, and is lost with the process");
        }

        var mailer = new RecordingMailer();
        await using var restarted = await StorageApp.StartAsync(tables, time, mailer);
        Assert.Equal(0, await restarted.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None));
        time.Advance(new OutboxOptions().Lease);
        var done = await restarted.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None);

        Assert.True(done >= 3, $"{done} items carried out");
        Assert.Contains(mailer.Sent, m => m.Key == $"{id}:6:approval");
        Assert.Contains(mailer.Sent, m => m.Key == $"{id}:7:notification");
        var indexed = await restarted.GetRequiredService<IDeadlineIndex>().ReadRangeAsync(new DateOnly(2022, 6, 1), new DateOnly(2023, 12, 31), null, CancellationToken.None);
        var live = Workflow.Deadlines((await restarted.GetRequiredService<DossierService>().GetAsync(id, CancellationToken.None)).Unwrap().State);
        Assert.Equal(live.Select(d => d.Id).Order(), indexed.Where(d => d.DossierId == id).Select(d => d.DeadlineId).Order());
        Assert.Empty(await restarted.GetRequiredService<IDossierStore>().ReadOutboxAsync(id, CancellationToken.None));
        time.Advance(new OutboxOptions().Lease);
        Assert.Equal(0, await restarted.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("altered")]
    [InlineData("removed-last")]
    [InlineData("removed-middle")]
    [InlineData("reordered")]
    public async Task The_register_verification_detects_any_tampering(string tampering)
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var services = await StorageApp.StartAsync(tables, time, new RecordingMailer());
        var service = services.GetRequiredService<DossierService>();
        var id = (await service.CreateAsync(SeedDossier.Request, Officer, null, CancellationToken.None)).Unwrap().DossierId;
        foreach (var (command, now) in SeedDossier.Steps.Take(3))
        {
            time.SetUtcNow(now);
            await service.HandleAsync(id, command, Officer, CancellationToken.None);
        }

        Assert.True((await service.VerifyRegisterAsync(id, CancellationToken.None)).Unwrap().Valid);
        var table = new TableServiceClient(storage.Azurite.ConnectionString).GetTableClient(tables["Storage:DossiersTable"]);
        var rows = table.Query<TableEntity>(e => e.PartitionKey == id && e.RowKey.CompareTo("event-") > 0 && e.RowKey.CompareTo("event.") < 0).OrderBy(e => e.RowKey).ToList();
        switch (tampering)
        {
            case "altered":
                rows[1]["Json"] = rows[1].GetString("Json").Replace("29", "28", StringComparison.Ordinal);
                await table.UpdateEntityAsync(rows[1], ETag.All, TableUpdateMode.Replace);
                break;
            case "removed-last":
                await table.DeleteEntityAsync(rows[^1].PartitionKey, rows[^1].RowKey);
                break;
            case "removed-middle":
                await table.DeleteEntityAsync(rows[2].PartitionKey, rows[2].RowKey);
                break;
            default:
                (rows[1].RowKey, rows[2].RowKey) = (rows[2].RowKey, rows[1].RowKey);
                (rows[1]["Sequence"], rows[2]["Sequence"]) = (rows[2]["Sequence"], rows[1]["Sequence"]);
                await table.UpsertEntityAsync(rows[1], TableUpdateMode.Replace);
                await table.UpsertEntityAsync(rows[2], TableUpdateMode.Replace);
                break;
        }

        var verification = (await service.VerifyRegisterAsync(id, CancellationToken.None)).Unwrap();

        Assert.False(verification.Valid);
        Assert.NotNull(verification.FirstBrokenSequence);
        Assert.False(string.IsNullOrEmpty(verification.Problem));
    }

    [Fact]
    public async Task The_clock_activities_fire_each_due_deadline_once_and_the_outbox_drops_it_from_the_index()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(Paris(2022, 5, 3));
        await using var services = await StorageApp.StartAsync(tables, time, new RecordingMailer());
        var service = services.GetRequiredService<DossierService>();
        var id = (await service.CreateAsync(SeedDossier.Request, Officer, null, CancellationToken.None)).Unwrap().DossierId;
        foreach (var (command, now) in SeedDossier.Steps.Take(5))
        {
            time.SetUtcNow(now);
            await service.HandleAsync(id, command, Officer, CancellationToken.None);
        }

        await DispatchSignalledAsync(services);
        var activities = new ClockActivities(service);
        Assert.Equal(0, await FireDueAsync(activities, id, time));

        time.SetUtcNow(new DateTimeOffset(2022, 8, 30, 22, 0, 0, TimeSpan.Zero));
        var fired = await FireDueAsync(activities, id, time);
        await DispatchSignalledAsync(services);

        // Three reminders, the prefect's referral window (22 August 2022, issue 13 item 6) and the payment window.
        Assert.Equal(5, fired);
        var state = (await service.GetAsync(id, CancellationToken.None)).Unwrap().State;
        Assert.Equal(DossierStage.Lapsed, state.Stage);
        Assert.Equal(new DateOnly(2022, 8, 23), state.Receipt?.SafeFromReferralSince);
        Assert.Equal(3, state.FiredDeadlines.Count(d => d.StartsWith("reminder-payment-window", StringComparison.Ordinal)));
        Assert.Equal(0, await FireDueAsync(activities, id, time));
        Assert.Empty(await services.GetRequiredService<IDeadlineIndex>().ReadRangeAsync(new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31), null, CancellationToken.None));
    }

    /// <summary>The turns of the dossier's clock up to <paramref name="time"/>: plan, fire what is due, plan again.</summary>
    private static async Task<int> FireDueAsync(ClockActivities activities, string id, TimeProvider time)
    {
        var fired = 0;
        while (await activities.NextDeadlineAsync(id, CancellationToken.None) is { DueUtc: { } due, DeadlineId: { } deadlineId }
            && due <= time.GetUtcNow().UtcDateTime
            && await activities.FireDeadlineAsync(new DeadlineToFire(id, deadlineId), CancellationToken.None) == FireResult.Done)
        {
            fired++;
        }

        return fired;
    }

    /// <summary>What the host's outbox worker does with the signalled work.</summary>
    private static async Task DispatchSignalledAsync(ServiceProvider services)
    {
        var signal = services.GetRequiredService<OutboxSignal>();
        while (signal.Reader.TryRead(out var work))
        {
            await services.GetRequiredService<OutboxDispatcher>().DispatchAsync(work, CancellationToken.None);
        }
    }

    private static Dossier Apply(Dossier state, DossierCommand command, DateTimeOffset now) =>
        Workflow.Decide(state, command, now).Unwrap().Aggregate(state, Workflow.Evolve);

    private static DateTimeOffset Paris(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime();

    /// <summary>The seed's request and steps from the demo script (the one copy of the seed's data), with the instant each is entered.</summary>
    private static class SeedDossier
    {
        public static GrantRequest Request => Seed.Dossiers[0].Request;

        public static IReadOnlyList<(DossierCommand Command, DateTimeOffset Now)> Steps { get; } =
            Seed.Dossiers[0].Commands.Select(c => (c.Command, At(c.Command))).ToList();

        public static IReadOnlyList<(DossierCommand Command, DateTimeOffset Now)> Settlement { get; } =
        [
            (new DossierCommand.ReceiveReport(new DateOnly(2023, 1, 20), 15_790m), Paris(2023, 1, 21)),
            (new DossierCommand.AcceptReport(new DateOnly(2023, 2, 10)), Paris(2023, 2, 10)),
        ];

        /// <summary>The day after the act's own date: the command is entered once the act is done.</summary>
        private static DateTimeOffset At(DossierCommand command) =>
            Paris(2022, 1, 1).AddDays(command switch
            {
                DossierCommand.RecordVote c => c.SessionDate.DayNumber,
                DossierCommand.RecordTransmission c => c.SentOn.DayNumber,
                DossierCommand.AcknowledgeReceipt c => c.ReceivedOn.DayNumber,
                DossierCommand.SignConvention c => c.BeneficiarySignedOn.DayNumber,
                DossierCommand.Notify c => c.NotifiedOn.DayNumber,
                DossierCommand.RequestPayment c => c.ReceivedOn.DayNumber,
                DossierCommand.RecordPayment c => c.PaidOn.DayNumber,
                _ => 0,
            } - new DateOnly(2022, 1, 1).DayNumber + 1);
    }

    /// <summary>A mailer that records what it sends, or fails like a provider that does not answer.</summary>
    private sealed class RecordingMailer : IMailer
    {
        public bool Failing { get; init; }

        public List<OutgoingMail> Sent { get; } = [];

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            if (Failing)
            {
                throw new HttpRequestException("The mail provider does not answer.");
            }

            lock (Sent)
            {
                Sent.Add(mail);
            }

            return Task.CompletedTask;
        }
    }
}
