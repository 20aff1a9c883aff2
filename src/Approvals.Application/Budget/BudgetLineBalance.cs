using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// A budget line's ledger row: its registration (label, amount voted; null while finance has not registered the line)
/// and its running totals, kept up to date by the commands that move money, so that reading a line costs one row.
/// <paramref name="Reserved"/> is what votes in flight hold (reserved before their commit, confirmed by the outbox).
/// <paramref name="ETag"/> guards the row: every change is a compare-and-swap. <see cref="AuthorityId"/>: the authority
/// whose line it is (null: the first one).
/// </summary>
public sealed record BudgetLineBalance(
    int Year,
    string Code,
    string Label,
    decimal? Voted,
    decimal Committed,
    decimal Reserved,
    decimal Paid,
    decimal Recovered,
    int Dossiers,
    string? ETag,
    string? AidScheme = null)
{
    public static BudgetLineBalance Unregistered(int year, string code, string? authorityId) =>
        new(year, code, "", null, 0m, 0m, 0m, 0m, 0, null) { AuthorityId = authorityId };

    public string? AuthorityId { get; init; }

    public bool Registered => Voted is not null;

    /// <summary>Voted − committed − reserved: what a new vote may still commit. A line not registered is not controlled.</summary>
    public decimal Available => Voted is { } voted ? voted - Committed - Reserved : Money.Maximum;
}
