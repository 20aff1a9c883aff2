using System.Text.Json;
using Approvals.Application;
using Approvals.Clock;
using Approvals.Domain;
using Approvals.Seeds;
using Approvals.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// The dossier's clock run by the Durable Task SDK's in-process engine: the real orchestrator with the real activities
/// over Azurite, signalled through the real outbox. The domain's clock is fixed; the engine's timers are real time.
/// </summary>
public sealed class InProcessClockTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    /// <summary>Seconds rather than days, because the engine's timers run in real time.</summary>
    private static readonly ClockTimings Timings = new(MaxWait: TimeSpan.FromSeconds(4), FirstRetry: TimeSpan.FromMilliseconds(300), Attempts: 2, AfterFailure: TimeSpan.FromSeconds(2));

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ClockApp app = null!;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync()
    {
        app = await ClockApp.StartAsync(azurite.Azurite, SeedDossier.At(2022, 5, 3));
        host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator(ClockNames.Orchestrator, () => new DossierClockOrchestrator(Timings));
                tasks.AddActivity(ClockNames.NextDeadline, _ => new NextDeadlineActivity(app.Activities));
                tasks.AddActivity(ClockNames.FireDeadline, _ => new FireDeadlineActivity(app.Activities));
            },
            new DurableTaskTestHostOptions { Port = FreePorts.Pick(1)[0], LoggerFactory = LoggerFactory.Create(l => l.SetMinimumLevel(LogLevel.Warning)) });
        app.Client = host.Client;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task GivenANewDossier_WhenItsOutboxIsCarriedOut_ThenItsClockStartsAndWaitsForTheVote()
    {
        var id = await app.CreateAsync();

        Assert.Null(await host.Client.GetInstanceAsync(id));
        await app.DispatchOutboxAsync();

        var status = await StatusAsync(id, s => s is not null);
        Assert.Equal("Submitted", status.Stage);
        Assert.Equal("en attente du vote, sans minuterie", status.Text);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task GivenARunningClock_WhenACommandIsAccepted_ThenItsDossierChangedMakesTheClockPlanAgain()
    {
        var id = await app.CreateAsync();
        await app.DispatchOutboxAsync();
        await StatusAsync(id, s => s?.Stage == "Submitted");

        await app.ApplySeedStepsAsync(id, 1);
        await app.DispatchOutboxAsync();

        var status = await StatusAsync(id, s => s is { Stage: not "Submitted" });
        Assert.Equal("Adopted", status.Stage);
        Assert.Equal("de la transmission au contrôle de légalité", status.Awaiting);
    }

    [Fact]
    public async Task GivenANotifiedDossierWhoseDeadlinesAllPassed_WhenItsClockRuns_ThenEachDeadlineFiresOnceAndTheClockCompletes()
    {
        var id = await app.CreateAsync();
        await app.ApplySeedStepsAsync(id, 5);
        app.Time.SetUtcNow(SeedDossier.At(2024, 1, 15));

        await app.DispatchOutboxAsync();
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(Patience).Token);

        var state = await app.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DossierStage.Lapsed, state.Stage);
        Assert.Equal(state.FiredDeadlines.Distinct().Count(), state.FiredDeadlines.Count);
        var register = await app.Dossiers.ReadRegisterAsync(id, CancellationToken.None);
        Assert.Single(register, e => e.Type == nameof(DossierEvent.Lapsed));
        Assert.Equal("dossier terminé", Status(done)!.Text);

        // Caught up in 2024, the three reminders of a window closed in 2022 are recorded as skipped; only the lapse notice is mailed.
        await app.DispatchOutboxAsync();
        var keys = app.Mail.Requests.Select(r => r.CustomArgs.GetValueOrDefault("approvalsKey") ?? "").ToList();
        Assert.Equal(3, register.Count(e => e.Type == nameof(DossierEvent.ReminderSkipped)));
        Assert.DoesNotContain(register, e => e.Type == nameof(DossierEvent.ReminderDue));
        Assert.DoesNotContain(keys, k => k.EndsWith(":reminder", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.EndsWith(":lapsed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenACompletedClock_WhenTheDossierChangesLater_ThenTheClockStaysCompleted()
    {
        var id = await app.CreateAsync();
        var withdrawn = await app.Dossiers.HandleAsync(id, new DossierCommand.Withdraw(new DateOnly(2022, 5, 3), "Renoncement du bénéficiaire"), ClockApp.Officer, CancellationToken.None);
        Assert.True(withdrawn.IsOk);
        await app.DispatchOutboxAsync();
        var completed = await host.Client.WaitForInstanceCompletionAsync(id, new CancellationTokenSource(Patience).Token);

        await DossierClockSignal.DossierChangedAsync(host.Client, id, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var after = await host.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after!.RuntimeStatus);
        Assert.Equal(completed.LastUpdatedAt, after.LastUpdatedAt);
    }

    [Fact]
    public async Task GivenATerminatedClock_WhenTheNextSignalComes_ThenTheClockIsStartedAgain()
    {
        var id = await app.CreateAsync();
        await app.DispatchOutboxAsync();
        await StatusAsync(id, s => s is not null);
        await host.Client.TerminateInstanceAsync(id);
        await host.Client.WaitForInstanceCompletionAsync(id, new CancellationTokenSource(Patience).Token);

        await app.ApplySeedStepsAsync(id, 1);
        await app.DispatchOutboxAsync();

        var status = await StatusAsync(id, s => s?.Stage == "Adopted");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal("Adopted", status.Stage);
    }

    [Fact]
    public async Task GivenCommitsThatLoseEveryRace_WhenADeadlineIsDue_ThenTheClockBacksOffAndFiresItOnceTheyWinAgain()
    {
        var id = await app.CreateAsync();
        await app.ApplySeedStepsAsync(id, 5);
        app.Time.SetUtcNow(SeedDossier.At(2022, 8, 1));
        app.Store.CommitsConflict = true;

        await DossierClockSignal.DossierChangedAsync(host.Client, id, CancellationToken.None);
        var backingOff = await StatusAsync(id, s => s?.Text.StartsWith("incident", StringComparison.Ordinal) == true);
        app.Store.CommitsConflict = false;

        var fired = await StatusAsync(id, s => s?.DeadlineId == DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 15));
        var state = await app.StateAsync(id);
        Assert.Contains("nouvelle tentative", backingOff.Text);
        Assert.Equal([DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 30)], state.FiredDeadlines);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal("Notified", fired.Stage);
    }

    [Fact]
    public async Task GivenARunningClockWhoseSignalIsLost_WhenItsLongestWaitEnds_ThenItPlansAgainAnyway()
    {
        var id = await app.CreateAsync();
        await app.DispatchOutboxAsync();
        await StatusAsync(id, s => s?.Stage == "Submitted");

        await app.ApplySeedStepsAsync(id, 1);
        await app.DropClockSignalsAsync(id);
        await app.DispatchOutboxAsync();

        var status = await StatusAsync(id, s => s is { Stage: not "Submitted" });
        Assert.Equal("Adopted", status.Stage);
    }

    [Fact]
    public async Task GivenADossierWhoseClockSignalsWereAllLost_WhenTheReconciliationRuns_ThenItsClockStartsAndItsDeadlinesFire()
    {
        var id = await app.CreateAsync();
        await app.ApplySeedStepsAsync(id, 5);
        app.Time.SetUtcNow(SeedDossier.At(2024, 1, 15));
        await app.DropClockSignalsAsync(id);
        await app.DispatchOutboxAsync();
        Assert.Null(await host.Client.GetInstanceAsync(id));

        var started = await app.Services.GetRequiredService<ClockReconciliation>().RunAsync(host.Client, CancellationToken.None);
        await host.Client.WaitForInstanceCompletionAsync(id, new CancellationTokenSource(Patience).Token);

        Assert.True(started >= 1);
        Assert.Equal(DossierStage.Lapsed, (await app.StateAsync(id)).Stage);
    }

    private static ClockStatus? Status(OrchestrationMetadata? metadata) =>
        metadata?.SerializedCustomStatus is { Length: > 0 } json ? JsonSerializer.Deserialize<ClockStatus>(json) : null;

    private async Task<ClockStatus> StatusAsync(string id, Func<ClockStatus?, bool> reached)
    {
        var until = DateTime.UtcNow + Patience;
        ClockStatus? last = null;
        while (DateTime.UtcNow < until)
        {
            last = Status(await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true));
            if (reached(last))
            {
                return last!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The clock of {id} never reached the expected status; last: {last}");
    }
}
