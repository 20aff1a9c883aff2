using System.Diagnostics;
using System.Text.Json;
using Approvals.Application;
using Approvals.Clock;
using Approvals.Server;
using Approvals.Testing;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Approvals.Orchestration.Tests;

[CollectionDefinition(nameof(FrameworkClockTests), DisableParallelization = true)]
public sealed class FrameworkClockCollection;

/// <summary>
/// The clock on the Durable Task Framework with its Azure Storage backend over Azurite, as the server runs it: the
/// server end to end, a worker stopped during a wait and started again after the due time, and an event raised while
/// <c>FireDeadline</c> runs, which <c>ContinueAsNew</c> must carry over (the in-process test host drops it).
/// Alone in its collection: run beside the other classes' servers and engines, the restarted worker at times did not
/// take its partition back within a minute, while alone it does in a fraction of a second.
/// </summary>
[Collection(nameof(FrameworkClockTests))]
public sealed class FrameworkClockTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a restarted worker may take to get its partition back: a forced stop releases the lease only if the
    /// partition table answers in time, else the lease runs out a minute after it was claimed (DurableTask.AzureStorage's
    /// table partition manager) and the new worker claims it at its next acquire interval (10 s). On a loaded CI machine
    /// that happened: the wait of one minute ran out.
    /// </summary>
    private static readonly TimeSpan RestartPatience = TimeSpan.FromMinutes(3);

    private static readonly ILoggerFactory Quiet = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Warning));

    [Fact]
    public async Task GivenTheServer_WhenADossierIsCreated_ThenItsClockRunsOnTheFrameworkAndShowsWhatItWaitsFor()
    {
        await using var host = await ApprovalsServerHost.StartAsync(Approvals.Seeds.SeedDossier.At(2022, 5, 3), new Dictionary<string, string?>
        {
            ["Clock:Enabled"] = "true",
            ["Clock:TaskHub"] = "ServerHub",
            ["Clock:PartitionCount"] = "1",
        });
        await host.Services.GetServices<IHostedService>().OfType<ClockEngine>().Single().Ready.WaitAsync(Patience);

        var created = await host.Service<DossierService>().CreateAsync(Approvals.Seeds.SeedDossier.Request, ClockApp.Officer, null, CancellationToken.None);
        var id = created.Unwrap().DossierId;

        var client = host.Service<DurableTaskClient>();
        var status = await StatusAsync(client, id, s => s is not null);
        Assert.Equal("en attente du vote, sans minuterie", status.Text);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task GivenAWorkerStoppedDuringAWait_WhenAnotherStartsAfterTheDueTime_ThenTheOverdueTimerFiresOnceAndTheClockGoesOn()
    {
        var options = Options("RestartHub");
        var script = new ScriptedClockActivities { DueUtc = DateTime.UtcNow.AddSeconds(6) };
        var (firstService, firstWorker, client) = await StartAsync(options, script);
        await client.ScheduleNewOrchestrationInstanceAsync(ClockNames.Orchestrator, "SUB-2022-0001", new Microsoft.DurableTask.StartOrchestrationOptions("SUB-2022-0001"));
        await WaitAsync(() => script.Plans >= 1);

        await firstWorker.StopAsync(isForced: true);
        await Task.Delay(script.DueUtc - DateTime.UtcNow + TimeSpan.FromSeconds(2));
        Assert.Equal(0, script.Fires);
        var restartedAt = DateTime.UtcNow;
        var (_, secondWorker, _) = await StartAsync(options, script);
        await WaitAsync(() => script.Plans >= 2, RestartPatience);
        await secondWorker.StopAsync(isForced: true);

        Assert.Equal(1, script.Fires);
        output.WriteLine($"Overdue timer fired {(script.FiredAtUtc!.Value - restartedAt).TotalMilliseconds:F0} ms after the second worker started");
        GC.KeepAlive(firstService);
    }

    [Fact]
    public async Task GivenAnEventRaisedWhileFireDeadlineRuns_WhenTheTurnContinuesAsNew_ThenTheEventWakesTheNextTurn()
    {
        var options = Options("CarryOverHub");
        var script = new ScriptedClockActivities { DueUtc = DateTime.UtcNow.AddSeconds(2), FireGate = new TaskCompletionSource() };
        var (_, worker, client) = await StartAsync(options, script);
        await client.ScheduleNewOrchestrationInstanceAsync(ClockNames.Orchestrator, "SUB-2022-0002", new Microsoft.DurableTask.StartOrchestrationOptions("SUB-2022-0002"));
        await script.FireStarted.Task.WaitAsync(Patience);

        await DossierClockSignal.DossierChangedAsync(client, "SUB-2022-0002", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        script.FireGate.SetResult();

        // Turn 1 planned and fired; turn 2 plans and would sleep for MaxWait (ten minutes) unless the event carried over wakes it: turn 3.
        await WaitAsync(() => script.Plans >= 3);
        await worker.StopAsync(isForced: true);
        Assert.Equal(1, script.Fires);
    }

    private static ClockEngineOptions Options(string hub) => new()
    {
        TaskHub = $"{hub}{Guid.NewGuid().ToString("N")[..6]}",
        PartitionCount = 1,
        MaxWait = TimeSpan.FromMinutes(10),
        FirstRetry = TimeSpan.FromMilliseconds(500),
        Attempts = 2,
        AfterFailure = TimeSpan.FromSeconds(2),
    };

    private async Task<(AzureStorageOrchestrationService Service, TaskHubWorker Worker, DurableTaskClient Client)> StartAsync(
        ClockEngineOptions options, ScriptedClockActivities script)
    {
        var service = new AzureStorageOrchestrationService(ClockServiceCollectionExtensions.Settings(options, azurite.ConnectionString, Quiet));
        await service.CreateIfNotExistsAsync();
        var worker = ClockEngine.Worker(service, options.Timings, script.NextDeadline, script.FireDeadline, Quiet);
        await worker.StartAsync();
        return (service, worker, new TaskHubDurableClient(service, new TaskHubClient(service, new SystemTextJsonDataConverter(), Quiet)));
    }

    private static async Task WaitAsync(Func<bool> reached, TimeSpan? patience = null)
    {
        var watch = Stopwatch.StartNew();
        while (!reached())
        {
            Assert.True(watch.Elapsed < (patience ?? Patience), $"The clock did not get there in {(patience ?? Patience).TotalSeconds:F0} s.");
            await Task.Delay(100);
        }
    }

    private static async Task<ClockStatus> StatusAsync(DurableTaskClient client, string id, Func<ClockStatus?, bool> reached)
    {
        var watch = Stopwatch.StartNew();
        ClockStatus? last = null;
        while (watch.Elapsed < Patience)
        {
            var json = (await client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus;
            last = json is { Length: > 0 } ? JsonSerializer.Deserialize<ClockStatus>(json) : null;
            if (reached(last))
            {
                return last!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The clock of {id} never reached the expected status; last: {last}");
    }
}
