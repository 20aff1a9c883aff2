namespace Approvals.Application;

/// <summary>
/// A budget line as finance registers it: year, M57 code, label and the amount voted in the budget; and the aid scheme
/// (<i>dispositif d'aide</i>) its grants are given under, when there is one: its identifier in the national schema of
/// aid schemes, published as SCDL <c>dispositifAide</c>.
/// </summary>
public sealed record BudgetLineRecord(int Year, string Code, string Label, decimal Voted, string? AidScheme = null);
