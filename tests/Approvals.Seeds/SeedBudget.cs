using Approvals.Domain;

namespace Approvals.Seeds;

/// <summary>The provisional budget of the CMQ MSI's 2022 programme (seed 004, annex 2): 15 790 € each side, 9 000 € asked of us.</summary>
public static class SeedBudget
{
    public const decimal AmountRequested = 9_000m;

    public const decimal Total = 15_790m;

    public const string BudgetLine = "BP 2022 et PPIF 2022-2026 — Enseignement supérieur";

    /// <summary>The line's budget for 2022 (510 000 €).</summary>
    public const decimal BudgetLineAmount = 510_000m;

    /// <summary>The budget as the demo script's request gives it.</summary>
    public static ProvisionalBudget Budget => SeedDossier.Request.Budget;
}
