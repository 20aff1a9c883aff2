using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Approvals.Server;

/// <summary>
/// The SDK's <see cref="DurableTaskClient"/> over the Durable Task Framework's <see cref="TaskHubClient"/>, so that the
/// clock's signalling and the operations page run the same code on the server as in the Function App. It covers what
/// the application uses (start, raise, read, list, terminate, purge); the rest is not needed and says so.
/// </summary>
public sealed class TaskHubDurableClient(AzureStorageOrchestrationService service, TaskHubClient client) : DurableTaskClient("approvals-server")
{
    /// <summary>Starting over a live instance is refused; over a completed, failed or terminated one it starts anew.</summary>
    private static readonly CoreStatus[] Live = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.ContinuedAsNew];

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var instance = await client.CreateOrchestrationInstanceAsync(orchestratorName.Name, "", instanceId, input, null, Live);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, eventPayload!);

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var state = await client.GetOrchestrationStateAsync(instanceId);
        return state is null ? null : Metadata(state);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var condition = new DurableTask.AzureStorage.Tracking.OrchestrationInstanceStatusQueryCondition
            {
                RuntimeStatus = filter?.Statuses?.Select(s => (CoreStatus)(int)s).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime ?? default,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime ?? default,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInput = false,
            };
            var page = await service.GetOrchestrationStateAsync(condition, pageSize ?? filter?.PageSize ?? 100, continuation ?? filter?.ContinuationToken, cancellation);
            return new Page<OrchestrationMetadata>(page.OrchestrationState.Select(Metadata).ToList(), page.ContinuationToken);
        });

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        await PollAsync(instanceId, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        await PollAsync(instanceId, m => m.IsCompleted, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, options?.Output?.ToString() ?? "terminated");

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var result = await service.PurgeInstanceHistoryAsync(instanceId);
        return new PurgeResult(result.InstancesDeleted);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var result = await service.PurgeInstanceHistoryAsync(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, filter.Statuses?.Select(s => (CoreStatus)(int)s));
        return new PurgeResult(result.InstancesDeleted);
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException("The clock is never suspended.");

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException("The clock is never suspended.");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static OrchestrationMetadata Metadata(OrchestrationState state) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        RuntimeStatus = (OrchestrationRuntimeStatus)(int)state.OrchestrationStatus,
        CreatedAt = state.CreatedTime,
        LastUpdatedAt = state.LastUpdatedTime,
        SerializedInput = state.Input,
        SerializedOutput = state.Output,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.FailureDetails is { } failure ? new TaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, null, null) : null,
    };

    private async Task<OrchestrationMetadata> PollAsync(string instanceId, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, false, cancellation) is { } metadata && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }
}
