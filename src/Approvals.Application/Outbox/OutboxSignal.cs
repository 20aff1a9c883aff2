using System.Threading.Channels;

namespace Approvals.Application;

/// <summary>
/// Hands committed outbox items to the dispatcher at once, in memory. If the process dies first, the items are
/// still in storage with their pending-outbox row, and the sweep finds them once the lease ends: the signal only makes
/// the common case fast. Bounded: when the dispatcher falls behind, further work is dropped here and left to the sweep.
/// </summary>
public sealed class OutboxSignal(OutboxOptions options)
{
    private readonly Channel<PendingWork> channel = Channel.CreateBounded<PendingWork>(
        new BoundedChannelOptions(options.SignalCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<PendingWork> Reader => channel.Reader;

    public void Notify(OutboxLease lease, IReadOnlyList<OutboxItem> items)
    {
        if (items.Count > 0)
        {
            channel.Writer.TryWrite(new PendingWork(lease, items));
        }
    }

    public sealed record PendingWork(OutboxLease Lease, IReadOnlyList<OutboxItem> Items)
    {
        public string DossierId => Lease.DossierId;
    }
}
