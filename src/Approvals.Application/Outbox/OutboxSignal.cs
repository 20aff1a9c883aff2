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

    /// <param name="done">Items of the commit the committer carried out itself: only their rows are left to delete.</param>
    public void Notify(OutboxLease lease, IReadOnlyList<OutboxItem> items, IReadOnlyList<string> done)
    {
        if (items.Count > 0 || done.Count > 0)
        {
            channel.Writer.TryWrite(new PendingWork(lease, items, done));
        }
    }

    /// <summary>The items to carry out under the lease, and the ids of those already done (deleted with the others, in one batch).</summary>
    public sealed record PendingWork(OutboxLease Lease, IReadOnlyList<OutboxItem> Items, IReadOnlyList<string> Done)
    {
        public string DossierId => Lease.DossierId;
    }
}
