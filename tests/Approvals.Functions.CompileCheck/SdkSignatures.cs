// Signatures of the Azure Functions isolated worker 2.x and Durable Task SDKs that the Function App uses, as documented;
// bodies are not needed: this project is only compiled (see the csproj).
namespace Microsoft.Azure.Functions.Worker
{
    public enum AuthorizationLevel { Anonymous, Function }
    public sealed class FunctionAttribute(string name) : Attribute { public string Name = name; }
    public sealed class HttpTriggerAttribute(AuthorizationLevel level, params string[] methods) : Attribute { public string? Route { get; set; } }
    public sealed class TimerTriggerAttribute(string schedule) : Attribute { public bool RunOnStartup { get; set; } }
    public sealed class TimerInfo { }
    public sealed class OrchestrationTriggerAttribute : Attribute { }
    public sealed class ActivityTriggerAttribute : Attribute { }
    public sealed class DurableClientAttribute : Attribute { }
    public sealed class FunctionContext { }
}
namespace Microsoft.DurableTask
{
    public abstract class TaskOrchestrationContext
    {
        public abstract DateTime CurrentUtcDateTime { get; }
        public abstract T? GetInput<T>();
        public abstract Task<T> CallActivityAsync<T>(string name, object? input = null, TaskOptions? options = null);
        public abstract Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null);
        public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);
        public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);
        public abstract void SetCustomStatus(object? status);
        public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);
    }
    public class TaskOptions { public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(); }
    public class RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null) { }
    public class TaskFailedException : Exception { }
}
namespace Microsoft.DurableTask.Client
{
    public enum OrchestrationRuntimeStatus { Running, Completed, ContinuedAsNew, Failed, Canceled, Terminated, Pending, Suspended }
    public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
    public sealed class OrchestrationMetadata { public OrchestrationRuntimeStatus RuntimeStatus { get; init; } public string InstanceId { get; init; } = ""; }
    public abstract class DurableTaskClient
    {
        public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(string name, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);
        public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);
        public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default);
        public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs, CancellationToken cancellation = default);
        public abstract Task PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);
    }
}
