using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>What a budget line must satisfy to be registered: every field error at once, in French, field-named.</summary>
public static class BudgetLineRules
{
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    public const int LabelMaxLength = 200;

    public const int AidSchemeMaxLength = 100;

    public static IReadOnlyList<Refusal> Check(BudgetLineRecord line)
    {
        var refusals = new List<Refusal?>
        {
            line.Year is < FirstYear or > LastYear
                ? Refusal.Invalid("budgetLine.year", "year", "Exercice budgétaire plausible",
                    $"L'exercice {line.Year} n'est pas plausible : indiquez une année entre {FirstYear} et {LastYear}.")
                : null,
            BudgetLineCodes.Check(line.Code, "code"),
            string.IsNullOrWhiteSpace(line.Label)
                ? Refusal.Invalid("budgetLine.label", "label", "Libellé obligatoire", "Le libellé de la ligne budgétaire est obligatoire.")
                : line.Label.Length > LabelMaxLength
                    ? Refusal.Invalid("budgetLine.label-length", "label", "Longueur maximale",
                        $"Le libellé de la ligne budgétaire dépasse {LabelMaxLength} caractères ({line.Label.Length}).")
                    : null,
            Money.Check(line.Voted, "voted", allowZero: true),
            line.AidScheme is { } scheme && (scheme.Length > AidSchemeMaxLength || scheme.Any(char.IsControl))
                ? Refusal.Invalid("budgetLine.aidScheme", "aidScheme", "Identifiant du dispositif d'aide",
                    $"L'identifiant du dispositif d'aide doit tenir sur une ligne de {AidSchemeMaxLength} caractères au plus.")
                : null,
        };
        return refusals.OfType<Refusal>().ToList();
    }
}
