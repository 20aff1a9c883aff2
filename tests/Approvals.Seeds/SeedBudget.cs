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

    public static ProvisionalBudget Budget => new(
        [
            new("Salaires du personnel", 2_472m),
            new("Charges personnel", 618m),
            new("Achats (études, fournitures, entretien)", 6_900m),
            new("Services extérieurs (location, assurance, documentation)", 1_500m),
            new("Autres services extérieurs (rémunérations intermédiaires, déplacements)", 4_300m),
        ],
        [
            new("Région Bourgogne Franche-Comté", 5_790m, FromThisAuthority: false),
            new("Grand Besançon Métropole", 9_000m, FromThisAuthority: true),
            new("Rectorat de l'académie de Besançon", 1_000m, FromThisAuthority: false),
        ]);
}
