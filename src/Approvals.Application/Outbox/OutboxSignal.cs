using System.Threading.Channels;

namespace Approvals.Application;

/// <summary>
/// Hands committed outbox items to the dispatcher at once, in memory. If the process dies first, the items are
/// still in storage and the dispatcher's sweep finds them: the signal only makes the common case fast.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<PendingWork> channel = Channel.CreateUnbounded<PendingWork>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<PendingWork> Reader => channel.Reader;

    public void Notify(string dossierId, IReadOnlyList<OutboxItem> items)
    {
        if (items.Count > 0)
        {
            channel.Writer.TryWrite(new PendingWork(dossierId, items));
        }
    }

    public sealed record PendingWork(string DossierId, IReadOnlyList<OutboxItem> Items);
}
