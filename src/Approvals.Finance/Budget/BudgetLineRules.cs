using System.Text.RegularExpressions;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>What a budget line must satisfy to be registered: every field error at once, in French, field-named.</summary>
public static partial class BudgetLineRules
{
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    public const int LabelMaxLength = 200;

    public const int AidSchemeMaxLength = 100;

    /// <summary>
    /// M57 by nature and function: a chapter of 2 or 3 digits, then one to three segments of 1 to 6 digits (articles such as 20422 have five) separated by
    /// hyphens (function, sub-function, article), e.g. "65-23-6574" or "204-20422".
    /// </summary>
    [GeneratedRegex(@"^\d{2,3}(-\d{1,6}){1,3}$", RegexOptions.CultureInvariant)]
    public static partial Regex CodePattern();

    public static IReadOnlyList<Refusal> Check(BudgetLineRecord line)
    {
        var refusals = new List<Refusal?>
        {
            line.Year is < FirstYear or > LastYear
                ? Refusal.Invalid("budgetLine.year", "year", "Exercice budgétaire plausible",
                    $"L'exercice {line.Year} n'est pas plausible : indiquez une année entre {FirstYear} et {LastYear}.")
                : null,
            line.Code is null || !CodePattern().IsMatch(line.Code)
                ? Refusal.Invalid("budgetLine.code", "code", "Code M57 chapitre-fonction-article",
                    $"Le code « {line.Code} » n'est pas un code M57 valide : la forme attendue est chapitre-fonction-article, par exemple 65-23-6574.")
                : null,
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
