namespace Approvals.Domain;

/// <summary>The budget line charged (inscription budgétaire), e.g. year 2022, "65-23-6574", "Enseignement supérieur".</summary>
public sealed record BudgetLineRef(int Year, string Code, string Label);
