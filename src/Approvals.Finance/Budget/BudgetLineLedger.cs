using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>
/// Where a budget line stands, from the dossiers charged to it: credits committed (and not released), paid,
/// recovered, and what is still available for new votes.
/// </summary>
public sealed record BudgetLineLedger(BudgetLineRecord Line, int Dossiers, decimal Committed, decimal Paid, decimal Recovered)
{
    /// <summary>Voted − committed: what a new vote may still commit (negative when the line is over-committed).</summary>
    public decimal Available => Line.Voted - Committed;

    /// <summary>Sums the dossiers that charge <paramref name="line"/>; dossiers charged to another line are ignored.</summary>
    public static BudgetLineLedger Of(BudgetLineRecord line, IEnumerable<Dossier> dossiers)
    {
        var charged = dossiers.Where(d => Charges(line, d)).ToList();
        return new BudgetLineLedger(
            line,
            charged.Count,
            charged.Sum(d => d.CreditsCommitted),
            charged.Sum(d => d.AmountPaid),
            charged.Sum(d => d.AmountRecovered));
    }

    /// <summary>Whether a dossier's request charges this line (same year, same code).</summary>
    private static bool Charges(BudgetLineRecord line, Dossier dossier) =>
        dossier.Request is { } request && request.BudgetLine.Year == line.Year
        && string.Equals(request.BudgetLine.Code.Trim(), line.Code.Trim(), StringComparison.Ordinal);
}
