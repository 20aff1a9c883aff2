using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The outbox item that carries a dossier's money figures to its budget line: the dossier's credits committed, paid and
/// recovered as of <paramref name="Version"/>. Absolute figures, not deltas: applying it twice, or after a later one, changes nothing.
/// <see cref="AuthorityId"/> is the dossier's authority, whose line it is (null: the first one, as in every item written
/// before authorities were data).
/// </summary>
public sealed record LedgerChange(int Year, string Code, long Version, decimal Committed, decimal Paid, decimal Recovered)
{
    public string? AuthorityId { get; init; }

    public static LedgerChange Of(Dossier state, string? authorityId) =>
        new(state.Request!.BudgetLine.Year, state.Request.BudgetLine.Code, state.Version, state.CreditsCommitted, state.AmountPaid, state.AmountRecovered)
        {
            AuthorityId = authorityId,
        };

    /// <summary>The change a commit carries: on submission (the line counts the dossier) and whenever a figure moved; else null.</summary>
    public static LedgerChange? Between(Dossier before, Dossier after, string? authorityId) =>
        after.Request is not null
        && (before.Request is null
            || before.CreditsCommitted != after.CreditsCommitted
            || before.AmountPaid != after.AmountPaid
            || before.AmountRecovered != after.AmountRecovered)
            ? Of(after, authorityId)
            : null;
}
