using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The outbox item that carries a dossier's money figures to its budget line: the dossier's credits committed, paid and
/// recovered as of <paramref name="Version"/>. Absolute figures, not deltas: applying it twice, or after a later one, changes nothing.
/// </summary>
public sealed record LedgerChange(int Year, string Code, long Version, decimal Committed, decimal Paid, decimal Recovered)
{
    public static LedgerChange Of(Dossier state) =>
        new(state.Request!.BudgetLine.Year, state.Request.BudgetLine.Code, state.Version, state.CreditsCommitted, state.AmountPaid, state.AmountRecovered);

    /// <summary>The change a commit carries: on submission (the line counts the dossier) and whenever a figure moved; else null.</summary>
    public static LedgerChange? Between(Dossier before, Dossier after) =>
        after.Request is not null
        && (before.Request is null
            || before.CreditsCommitted != after.CreditsCommitted
            || before.AmountPaid != after.AmountPaid
            || before.AmountRecovered != after.AmountRecovered)
            ? Of(after)
            : null;
}
