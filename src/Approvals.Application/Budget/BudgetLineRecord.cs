namespace Approvals.Application;

/// <summary>A budget line as finance registers it: year, M57 code, label and the amount voted in the budget.</summary>
public sealed record BudgetLineRecord(int Year, string Code, string Label, decimal Voted);
