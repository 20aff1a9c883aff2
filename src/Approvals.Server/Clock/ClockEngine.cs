using Approvals.Clock;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Approvals.Server;

/// <summary>
/// Runs the dossiers' clocks in the server: the orchestrator and activities of Approvals.Clock, adapted by the SDK's
/// shims, on a <see cref="TaskHubWorker"/> of the Durable Task Framework over Azure Storage (Azurite in development).
/// </summary>
public sealed class ClockEngine(AzureStorageOrchestrationService service, ClockActivities activities, ClockEngineOptions options, ILoggerFactory loggers)
    : IHostedService
{
    private TaskHubWorker? worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        worker = Worker(service, options.Timings, () => new NextDeadlineActivity(activities), () => new FireDeadlineActivity(activities), loggers);
        await worker.StartAsync();
    }

    /// <summary>A worker running the clock's orchestrator with the given activities (the real ones, or a test's scripted ones).</summary>
    public static TaskHubWorker Worker(
        AzureStorageOrchestrationService service, ClockTimings timings, Func<ITaskActivity> nextDeadline, Func<ITaskActivity> fireDeadline, ILoggerFactory loggers)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggers);
        var worker = new TaskHubWorker(service, loggers);
        worker.AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(ClockNames.Orchestrator,
            () => shims.CreateOrchestration(ClockNames.Orchestrator, new DossierClockOrchestrator(timings))));
        worker.AddTaskActivities(
            new ShimCreator<TaskActivity>(ClockNames.NextDeadline, () => shims.CreateActivity(ClockNames.NextDeadline, nextDeadline())),
            new ShimCreator<TaskActivity>(ClockNames.FireDeadline, () => shims.CreateActivity(ClockNames.FireDeadline, fireDeadline())));
        return worker;
    }

    /// <summary>Stops taking work and lets what runs finish, within the host's shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is not null)
        {
            await Task.WhenAny(worker.StopAsync(isForced: false), Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }
}
