namespace Approvals.Finance;

/// <summary>
/// A budget line as voted in the budget (inscription budgétaire): the financial year, its M57 code
/// (chapter-function-article, e.g. "65-23-6574"), its label and the credits voted on it.
/// </summary>
public sealed record BudgetLine(int Year, string Code, string Label, decimal Voted)
{
    /// <summary>Whether a dossier's request charges this line (same year, same code).</summary>
    public bool Charges(Domain.Dossier dossier) =>
        dossier.Request is { } request && request.BudgetLine.Year == Year
        && string.Equals(request.BudgetLine.Code.Trim(), Code.Trim(), StringComparison.Ordinal);
}
