using Azure.Core;
using Azure.Core.Pipeline;

namespace Approvals.Bench;

/// <summary>Counts the requests the Azure clients send (each retry counts: it is a round trip too).</summary>
public sealed class RoundTripCounter : HttpPipelineSynchronousPolicy
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}
