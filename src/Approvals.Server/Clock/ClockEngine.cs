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
/// It starts in the background and keeps trying while storage is unreachable: the API does not wait for the task hub,
/// and the clock signals that fail meanwhile stay in the outbox until they succeed.
/// </summary>
public sealed class ClockEngine(AzureStorageOrchestrationService service, ClockActivities activities, ClockEngineOptions options, ILoggerFactory loggers)
    : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger logger = loggers.CreateLogger<ClockEngine>();
    private Task starting = Task.CompletedTask;
    private TaskHubWorker? worker;

    /// <summary>Completes once the task hub exists and the worker runs.</summary>
    public Task Ready => ready.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        starting = Task.Run(() => StartWorkerAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work and lets what runs finish, within the host's shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await starting;
        if (worker is not null)
        {
            await Task.WhenAny(worker.StopAsync(isForced: false), Task.Delay(Timeout.Infinite, cancellationToken));
        }
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

    private async Task StartWorkerAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await service.CreateIfNotExistsAsync();
                var started = Worker(service, options.Timings, () => new NextDeadlineActivity(activities), () => new FireDeadlineActivity(activities), loggers);
                await started.StartAsync();
                worker = started;
                ready.TrySetResult();
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The clock engine could not start (attempt {Attempt}); trying again", attempt);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 2 * attempt)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
