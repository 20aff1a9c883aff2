namespace Approvals.Application;

/// <summary>
/// Budget lines and their ledger: per line one row (registration and totals) and, in the same partition, one row per
/// dossier charged to it (<see cref="DossierShare"/>). Writes are guarded by ETags and throw
/// <see cref="ConcurrencyConflictException"/> when another writer won. Every line belongs to one authority
/// (<c>authorityId</c>; null: the first one's, as every line written before authorities were data); a line's
/// <see cref="BudgetLineBalance.AuthorityId"/> says where it is written back.
/// </summary>
public interface IBudgetLineStore
{
    /// <summary>The line's row, registered or only known from dossiers; null when neither.</summary>
    Task<BudgetLineBalance?> FindAsync(int year, string code, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>Registers the line or changes its label and amount voted, keeping its totals.</summary>
    Task UpsertAsync(BudgetLineRecord line, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>The registered lines with their totals, by year then code: a cost per line, no dossier read.</summary>
    Task<IReadOnlyList<BudgetLineBalance>> ListBalancesAsync(int? year, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>The line's row and the dossier's share of it, in one read; either may be null.</summary>
    Task<(BudgetLineBalance? Line, DossierShare? Share)> ReadShareAsync(int year, string code, string dossierId, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>
    /// The line's totals and the dossier's share, without the line's registration (label, amount voted): what a write
    /// that only moves the totals needs; either may be null.
    /// </summary>
    Task<(BudgetLineBalance? Totals, DossierShare? Share)> ReadTotalsAndShareAsync(
        int year, string code, string dossierId, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>
    /// Writes the line's row and, when given, the dossier's share, together, each guarded by its ETag (null: must not exist yet).
    /// <paramref name="dropsReservation"/>: the share as read held a reservation that this write drops.
    /// </summary>
    Task WriteAsync(BudgetLineBalance line, DossierShare? share, CancellationToken cancellationToken, bool dropsReservation = false);

    /// <summary>Every dossier's share of the line (for the rebuild).</summary>
    Task<IReadOnlyList<DossierShare>> ListSharesAsync(int year, string code, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>
    /// Shares holding a reservation made before <paramref name="reservedBefore"/>: votes that crashed between reservation
    /// and commit, or whose confirmation is late. Reads the reservations only, never every share.
    /// </summary>
    Task<IReadOnlyList<(int Year, string Code, DossierShare Share)>> FindReservationsAsync(
        DateTimeOffset reservedBefore, CancellationToken cancellationToken, string? authorityId = null);
}
