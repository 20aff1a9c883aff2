using System.Collections.Concurrent;

namespace Approvals.Application;

/// <summary>
/// One reader or writer at a time per budget line within this process. The line's row is compare-and-swapped, which
/// keeps the writers of several processes right; but the writers of one process racing for it only made each other
/// read and write again: with the bench's 8 concurrent dossiers on one line, 51 of a lifecycle's 146 storage requests
/// per dossier were the ledger's, 18 with the turns (bench/README.md). The swap is left to settle races between
/// processes. One semaphore per line ever used: an authority has tens of lines a year.
/// </summary>
internal sealed class LineTurns
{
    private readonly ConcurrentDictionary<(string? AuthorityId, int Year, string Code), SemaphoreSlim> turns = new();

    /// <summary>Waits for the line's turn; disposing the result ends it.</summary>
    public async Task<IDisposable> TakeAsync(string? authorityId, int year, string code, CancellationToken cancellationToken)
    {
        var turn = turns.GetOrAdd((authorityId, year, code), _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
