using Approvals.Domain;
using Microsoft.Extensions.Logging;

namespace Approvals.Application;

/// <summary>
/// Keeps each budget line's ledger row true to the dossiers, so that a vote's credit check reads one row and never
/// over-commits. A vote first <see cref="ReserveAsync">reserves</see> its amount on the line (a compare-and-swap on
/// the line's row: of concurrent votes, each sees the others' reservations), then commits the dossier; the commit's
/// outbox <see cref="ApplyAsync">confirms</see> it, or the service <see cref="SettleLostCommitAsync">settles</see> it when the
/// commit lost. A crash between the two writes leaves a reservation that <see cref="ReconcileAsync"/> settles from
/// the dossier itself once it is older than <see cref="ReservationLease"/>. A dossier is charged to the line of its own
/// authority (<c>authorityId</c>, null: the first one's).
/// </summary>
public sealed class BudgetLedger(IBudgetLineStore lines, IDossierStore dossiers, AuthorityDirectory authorities, TimeProvider time, ILogger<BudgetLedger> logger)
{
    /// <summary>How long a reservation may wait for its commit before reconciliation settles it from the dossier; a commit takes milliseconds.</summary>
    public static readonly TimeSpan ReservationLease = TimeSpan.FromMinutes(2);

    /// <summary>Compare-and-swap attempts: each lost round means another writer of the line won, so N concurrent writers need at most N.</summary>
    private const int Attempts = 50;

    /// <summary>This process's readers and writers of a line take turns; the swap settles races with other processes.</summary>
    private readonly LineTurns turns = new();

    /// <summary>What the dossier's vote may commit on the line: voted − committed − reserved by the other dossiers; a line not registered is not controlled.</summary>
    public async Task<decimal> AvailableAsync(int year, string code, string dossierId, CancellationToken cancellationToken, string? authorityId = null)
    {
        var (line, share) = await ReadConsistentAsync(authorityId, year, code, dossierId, cancellationToken);
        return line is not { Registered: true } ? Money.Maximum : line.Available + (share?.Reserved ?? 0m) + (share?.Committed ?? 0m);
    }

    /// <summary>
    /// Reserves <paramref name="amount"/> on the line for the commit that will bring the dossier to
    /// <paramref name="version"/>; refuses with <c>budget.credits-insufficient</c> when the line's credits do not cover it.
    /// A second reservation by the same dossier replaces the first (a retried vote).
    /// </summary>
    public async Task<Refusal?> ReserveAsync(
        string dossierId, int year, string code, decimal amount, long version, CancellationToken cancellationToken, string? authorityId = null)
    {
        using var turn = await turns.TakeAsync(authorityId, year, code, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (found, share) = await lines.ReadShareAsync(year, code, dossierId, cancellationToken, authorityId);
            var line = found ?? BudgetLineBalance.Unregistered(year, code, authorityId);
            var mine = share ?? DossierShare.New(dossierId);
            if (mine.Version >= version)
            {
                // The line already holds the dossier at this version or later: this commit is either the very write
                // that landed (its credits are counted) or decided on a stale state (it will lose). Nothing to hold.
                return null;
            }

            var others = line with { Reserved = line.Reserved - mine.Reserved };
            if (BudgetRules.CheckCredits(amount, others.Available, code) is { } refusal)
            {
                // Refuse only on a consistent reading of the line and the share.
                if (found is null || attempt >= Attempts || await UnchangedAsync(found, dossierId, share, cancellationToken))
                {
                    return refusal;
                }

                continue;
            }

            try
            {
                await lines.WriteAsync(
                    others with { Reserved = others.Reserved + amount, Dossiers = line.Dossiers + (share is null ? 1 : 0) },
                    mine with { Reserved = amount, ReservedVersion = version, ReservedAt = time.GetUtcNow() },
                    cancellationToken);
                return null;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
            catch (ConcurrencyConflictException)
            {
                return Refusals.ConcurrentChange;
            }
        }
    }

    /// <summary>
    /// After the vote's commit lost its race: sets the dossier's share from the dossier as stored (which holds the
    /// winner's command) and drops the reservation made for <paramref name="version"/> or an earlier one. A blind
    /// release would be wrong when the winner was the same vote sent twice at once, whose reservation the loser had
    /// replaced: its credits are committed. A reservation for a later version (a newer attempt) is kept.
    /// </summary>
    public Task SettleLostCommitAsync(string dossierId, int year, string code, long version, CancellationToken cancellationToken, string? authorityId = null) =>
        SettleAsync(dossierId, authorityId, year, code, share => share.ReservedVersion <= version, cancellationToken);

    /// <summary>
    /// Sets the dossier's share to its figures at <paramref name="change"/>'s version and moves the line's totals by the
    /// difference; confirms (drops) a reservation made for that version or an earlier one. A change older than the
    /// share's version adds nothing (the state at one version is one set of figures, so an equal version rewrites the
    /// same figures). A settlement also drops the reservation when <paramref name="drop"/> says so.
    /// </summary>
    public Task ApplyAsync(string dossierId, LedgerChange change, CancellationToken cancellationToken, Func<DossierShare, bool>? drop = null) =>
        UpdateAsync(change.AuthorityId, change.Year, change.Code, dossierId, (line, share) =>
        {
            var next = share;
            var total = line;
            if (change.Version >= share.Version)
            {
                total = total with
                {
                    Committed = total.Committed + change.Committed - share.Committed,
                    Paid = total.Paid + change.Paid - share.Paid,
                    Recovered = total.Recovered + change.Recovered - share.Recovered,
                };
                next = next with { Version = change.Version, Committed = change.Committed, Paid = change.Paid, Recovered = change.Recovered };
            }

            if (next.ReservedVersion != 0 && (next.ReservedVersion <= change.Version || drop?.Invoke(next) == true))
            {
                total = total with { Reserved = total.Reserved - next.Reserved };
                next = next.WithoutReservation();
            }

            return next == share && share.ETag is not null ? null : (total, next);
        }, cancellationToken);

    /// <summary>
    /// Settles reservations older than <see cref="ReservationLease"/> from their dossier's state, in every authority: a
    /// vote that committed is confirmed (its figures applied), one that did not is released. Returns how many were settled.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - ReservationLease;
        var settled = 0;
        foreach (var authority in await authorities.ListAsync(cancellationToken))
        {
            var authorityId = authority.Id == authorities.First.Id ? null : authority.Id;
            var stale = await lines.FindReservationsAsync(cutoff, cancellationToken, authorityId);
            foreach (var (year, code, share) in stale)
            {
                logger.LogWarning("Reservation of {Amount} on line {Year} {Code} of {Authority} by dossier {DossierId} for version {Version} settled from the dossier",
                    share.Reserved, year, code, authority.Id, share.DossierId, share.ReservedVersion);
                await SettleAsync(share.DossierId, authorityId, year, code, s => s.ReservedAt < cutoff, cancellationToken);
            }

            settled += stale.Count;
        }

        return settled;
    }

    /// <summary>
    /// Recomputes the authority's ledger from its dossiers: every dossier's share is set from its state, then every
    /// line's totals from its shares. Safe while commands run (shares only move forward by version; totals are compare-and-swapped).
    /// </summary>
    public async Task RebuildAsync(CancellationToken cancellationToken, string? authorityId = null)
    {
        var all = await dossiers.QueryAsync(new DossierQuery(Take: int.MaxValue, AuthorityId: authorityId), cancellationToken);
        foreach (var summary in all)
        {
            var stored = await dossiers.LoadAsync(summary.DossierId, cancellationToken);
            if (stored is not null && DomainJson.Deserialize<Snapshot>(stored.SnapshotJson) is { State.Request: not null } snapshot)
            {
                await ApplyAsync(summary.DossierId, LedgerChange.Of(snapshot.State, snapshot.AuthorityId), cancellationToken);
            }
        }

        var charged = all.Select(s => (s.Year, Code: s.BudgetLineCode));
        var registered = (await lines.ListBalancesAsync(null, cancellationToken, authorityId)).Select(l => (l.Year, l.Code));
        foreach (var (year, code) in charged.Union(registered))
        {
            await RetotalAsync(authorityId, year, code, cancellationToken);
        }
    }

    /// <summary>The line and the dossier's share as they were at one moment (see <see cref="UnchangedAsync"/>).</summary>
    private async Task<(BudgetLineBalance? Line, DossierShare? Share)> ReadConsistentAsync(
        string? authorityId, int year, string code, string dossierId, CancellationToken cancellationToken)
    {
        using var turn = await turns.TakeAsync(authorityId, year, code, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (line, share) = await lines.ReadShareAsync(year, code, dossierId, cancellationToken, authorityId);
            if (line?.ETag is null || attempt == Attempts || await UnchangedAsync(line, dossierId, share, cancellationToken))
            {
                return (line, share);
            }
        }
    }

    /// <summary>
    /// Whether a reading of the line and the share, made at once, is a consistent pair: both rows read again afterwards
    /// are unchanged. A write to the share always writes the line too, so a write between the two first reads, in
    /// either order, shows on one of the second reads (the line alone read again would miss a write made just before
    /// the line's first read but after the share's).
    /// </summary>
    private async Task<bool> UnchangedAsync(BudgetLineBalance line, string dossierId, DossierShare? share, CancellationToken cancellationToken)
    {
        var (totals, again) = await lines.ReadTotalsAndShareAsync(line.Year, line.Code, dossierId, cancellationToken, line.AuthorityId);
        return totals?.ETag == line.ETag && again?.ETag == share?.ETag;
    }

    /// <summary>The dossier's figures as stored applied to its share, dropping the reservation when <paramref name="drop"/> says so.</summary>
    private async Task SettleAsync(string dossierId, string? authorityId, int year, string code, Func<DossierShare, bool> drop, CancellationToken cancellationToken)
    {
        var stored = await dossiers.LoadAsync(dossierId, cancellationToken);
        var state = stored is null ? null : DomainJson.Deserialize<Snapshot>(stored.SnapshotJson).State;
        // Version 0 leaves the share's figures as they are (a dossier that does not exist has none to give).
        var change = state?.Request is null ? new LedgerChange(year, code, 0, 0m, 0m, 0m) { AuthorityId = authorityId } : LedgerChange.Of(state, authorityId);
        await ApplyAsync(dossierId, change, cancellationToken, drop);
    }

    private async Task RetotalAsync(string? authorityId, int year, string code, CancellationToken cancellationToken)
    {
        using var turn = await turns.TakeAsync(authorityId, year, code, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var line = await lines.FindAsync(year, code, cancellationToken, authorityId) ?? BudgetLineBalance.Unregistered(year, code, authorityId);
            var shares = await lines.ListSharesAsync(year, code, cancellationToken, authorityId);
            var totals = line with
            {
                Committed = shares.Sum(s => s.Committed),
                Reserved = shares.Sum(s => s.Reserved),
                Paid = shares.Sum(s => s.Paid),
                Recovered = shares.Sum(s => s.Recovered),
                Dossiers = shares.Count,
            };
            try
            {
                await lines.WriteAsync(totals, null, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <summary>Read the line and the share, let <paramref name="change"/> compute both (null: nothing to write), write them, again if another writer won.</summary>
    private async Task UpdateAsync(
        string? authorityId, int year, string code, string dossierId, Func<BudgetLineBalance, DossierShare, (BudgetLineBalance, DossierShare)?> change,
        CancellationToken cancellationToken)
    {
        using var turn = await turns.TakeAsync(authorityId, year, code, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (found, share) = await lines.ReadTotalsAndShareAsync(year, code, dossierId, cancellationToken, authorityId);
            var line = found ?? BudgetLineBalance.Unregistered(year, code, authorityId);
            var isNew = share is null;
            var next = change(line, share ?? DossierShare.New(dossierId));
            if (next is not { } written)
            {
                return;
            }

            try
            {
                await lines.WriteAsync(
                    written.Item1 with { Dossiers = written.Item1.Dossiers + (isNew ? 1 : 0) },
                    written.Item2,
                    cancellationToken,
                    dropsReservation: share is { ReservedVersion: not 0 } && written.Item2.ReservedVersion == 0);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
        }
    }
}
