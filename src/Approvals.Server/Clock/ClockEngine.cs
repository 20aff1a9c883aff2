using Approvals.Clock;
using DurableTask.AzureStorage;
using DurableTask.Core;
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
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggers);
        var timings = options.Timings;
        worker = new TaskHubWorker(service, loggers);
        worker.AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(ClockNames.Orchestrator,
            () => shims.CreateOrchestration(ClockNames.Orchestrator, new DossierClockOrchestrator(timings))));
        worker.AddTaskActivities(
            new ShimCreator<TaskActivity>(ClockNames.NextDeadline, () => shims.CreateActivity(ClockNames.NextDeadline, new NextDeadlineActivity(activities))),
            new ShimCreator<TaskActivity>(ClockNames.FireDeadline, () => shims.CreateActivity(ClockNames.FireDeadline, new FireDeadlineActivity(activities))));
        await worker.StartAsync();
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
