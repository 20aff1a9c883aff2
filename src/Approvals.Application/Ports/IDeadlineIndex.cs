namespace Approvals.Application;

/// <summary>
/// Deadlines filed by authority and due day, so the clock reads what is due without visiting every dossier, and one
/// authority's board never reads another's entries.
/// </summary>
public interface IDeadlineIndex
{
    /// <summary>Files each entry in its own authority's index (<see cref="IndexedDeadline.AuthorityId"/>).</summary>
    Task UpsertAsync(IEnumerable<IndexedDeadline> deadlines, CancellationToken cancellationToken);

    /// <summary>Removes the entries; removing one already gone is not an error.</summary>
    Task RemoveAsync(IEnumerable<IndexedDeadline> deadlines, CancellationToken cancellationToken);

    /// <summary>
    /// The entries of <paramref name="authorityId"/> (null: the first authority) filed on <paramref name="upToDay"/> or
    /// before whose instant has come (DueAt ≤ <paramref name="now"/>).
    /// </summary>
    Task<IReadOnlyList<IndexedDeadline>> ReadDueAsync(DateOnly upToDay, DateTimeOffset now, string? authorityId, CancellationToken cancellationToken);

    /// <summary>The entries of <paramref name="authorityId"/> (null: the first authority) filed from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<IReadOnlyList<IndexedDeadline>> ReadRangeAsync(DateOnly from, DateOnly to, string? authorityId, CancellationToken cancellationToken);
}
