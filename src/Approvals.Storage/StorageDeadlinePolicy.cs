using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Approvals.Storage;

/// <summary>
/// Bounds one storage call, retries included, by <c>Storage:RequestTimeout</c>. The SDK's own network timeout applies
/// to each try, so with two retries a frozen service held a call for three timeouts plus the pauses (21–26 s for a
/// 10 s setting); here each try gets only what is left of the budget, and none starts once it is spent. Real time, not
/// the application's clock: it bounds waiting on a socket.
/// </summary>
internal sealed class StorageDeadlinePolicy(TimeSpan budget) : HttpPipelinePolicy
{
    private const string StartedProperty = "Approvals.StorageCallStarted";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Limit(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Limit(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>Runs before every try (the policy sits inside the retry loop): the first try records the start.</summary>
    private void Limit(HttpMessage message)
    {
        if (!message.TryGetProperty(StartedProperty, out var started) || started is not long startedAt)
        {
            startedAt = Stopwatch.GetTimestamp();
            message.SetProperty(StartedProperty, startedAt);
        }

        var left = budget - Stopwatch.GetElapsedTime(startedAt);
        if (left <= TimeSpan.Zero)
        {
            // Not an IOException nor a cancellation: the retry policy gives up instead of trying again.
            throw new RequestFailedException(0, $"Storage did not answer within {budget.TotalSeconds:0.#} s (retries included).", new TimeoutException());
        }

        message.NetworkTimeout = left;
    }
}
