namespace Approvals.Application;

/// <summary>Deadlines filed by due day, so the clock reads what is due without visiting every dossier.</summary>
public interface IDeadlineIndex
{
    Task UpsertAsync(IEnumerable<IndexedDeadline> deadlines, CancellationToken cancellationToken);

    /// <summary>Removes the entries; removing one already gone is not an error.</summary>
    Task RemoveAsync(IEnumerable<IndexedDeadline> deadlines, CancellationToken cancellationToken);

    /// <summary>Entries filed on <paramref name="upToDay"/> or before whose instant has come (DueAt ≤ <paramref name="now"/>).</summary>
    Task<IReadOnlyList<IndexedDeadline>> ReadDueAsync(DateOnly upToDay, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Entries filed from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<IReadOnlyList<IndexedDeadline>> ReadRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
