namespace Approvals.Domain;

/// <summary>The budget prévisionnel of the actions: expenses and revenues by funder; it must balance.</summary>
public sealed record ProvisionalBudget(IReadOnlyList<ExpenseLine> Expenses, IReadOnlyList<RevenueLine> Revenues)
{
    public decimal TotalExpenses => Expenses.Sum(e => e.Amount);

    public decimal TotalRevenues => Revenues.Sum(r => r.Amount);

    /// <summary>This authority's revenue line(s): what the beneficiary asks of us.</summary>
    public decimal FromThisAuthority => Revenues.Where(r => r.FromThisAuthority).Sum(r => r.Amount);
}
