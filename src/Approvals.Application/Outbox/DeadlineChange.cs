namespace Approvals.Application;

/// <summary>
/// How a command changed what the clock must wake up for: entries to drop from the index and entries to file.
/// <paramref name="ByAuthority"/>: the entries carry their dossier's authority (every change planned since the index
/// was partitioned per authority); an older item, without it, gets its authority when carried out.
/// </summary>
public sealed record DeadlineChange(IReadOnlyList<IndexedDeadline> Remove, IReadOnlyList<IndexedDeadline> Upsert, bool ByAuthority = false);
