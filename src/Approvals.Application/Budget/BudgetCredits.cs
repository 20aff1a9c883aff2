using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// What a budget line still has: voted − committed by the other dossiers charged to it. A line finance has not
/// registered is not controlled (the vote commits against <see cref="Money.Maximum"/>), so that dossiers can be
/// taken through before the budget is entered; the line's page shows them.
/// </summary>
public sealed class BudgetCredits(IBudgetLineStore lines, IDossierStore dossiers)
{
    public async Task<decimal> AvailableAsync(int year, string code, string exceptDossierId, CancellationToken cancellationToken)
    {
        var line = await lines.FindAsync(year, code, cancellationToken);
        if (line is null)
        {
            return Money.Maximum;
        }

        var charged = await dossiers.QueryAsync(new DossierQuery(Year: year, BudgetLineCode: code, Take: int.MaxValue), cancellationToken);
        return line.Voted - charged.Where(d => d.DossierId != exceptDossierId).Sum(d => d.AmountCommitted);
    }
}
