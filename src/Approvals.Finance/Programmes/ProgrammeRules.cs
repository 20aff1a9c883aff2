using System.Text.RegularExpressions;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>What a programme must satisfy to be registered: every field error at once, in French, field-named.</summary>
public static partial class ProgrammeRules
{
    public const int NameMaxLength = 200;

    /// <summary>The id is what tranches name in their request (<c>programmeId</c>) and what addresses carry: short, lower case, no spaces.</summary>
    [GeneratedRegex("^[a-z0-9-]{3,60}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    public static IReadOnlyList<Refusal> Check(Programme programme)
    {
        var refusals = new List<Refusal?>
        {
            programme.Id is null || !IdPattern().IsMatch(programme.Id)
                ? Refusal.Invalid("programme.id", "id", "Identifiant de 3 à 60 caractères a-z, 0-9 et tiret",
                    $"L'identifiant « {programme.Id} » n'est pas valide : de 3 à 60 caractères parmi les minuscules sans accent, les chiffres et le tiret, par exemple cnam-montbeliard-2021-2024.")
                : null,
            string.IsNullOrWhiteSpace(programme.Name)
                ? Refusal.Invalid("programme.name", "name", "Nom obligatoire", "Le nom du programme est obligatoire.")
                : programme.Name.Length > NameMaxLength
                    ? Refusal.Invalid("programme.name-length", "name", "Longueur maximale", $"Le nom du programme dépasse {NameMaxLength} caractères ({programme.Name.Length}).")
                    : null,
            Money.Check(programme.TotalBudget, "totalBudget", allowZero: true),
            programme.Phases is not { Count: > 0 }
                ? Refusal.Invalid("programme.phases", "phases", "Au moins une phase", "Indiquez au moins une phase du programme (libellé, première et dernière année).")
                : null,
            programme.Funders is not { Count: > 0 }
                ? Refusal.Invalid("programme.funders", "funders", "Au moins un financeur", "Indiquez au moins un financeur du programme.")
                : null,
        };
        for (var i = 0; i < (programme.Phases?.Count ?? 0); i++)
        {
            refusals.AddRange(Phase(programme.Phases![i], $"phases[{i}]"));
        }

        for (var i = 0; i < (programme.Funders?.Count ?? 0); i++)
        {
            refusals.Add(string.IsNullOrWhiteSpace(programme.Funders![i])
                ? Refusal.Invalid("programme.funder", $"funders[{i}]", "Nom du financeur", $"Le financeur n°{i + 1} n'a pas de nom.")
                : null);
        }

        return refusals.OfType<Refusal>().ToList();
    }

    private static IEnumerable<Refusal?> Phase(ProgrammePhase phase, string field)
    {
        yield return string.IsNullOrWhiteSpace(phase.Label)
            ? Refusal.Invalid("programme.phase-label", $"{field}.label", "Libellé de la phase", "Chaque phase doit avoir un libellé.")
            : null;
        yield return phase.FirstYear is < BudgetLineRules.FirstYear or > BudgetLineRules.LastYear
            ? Refusal.Invalid("programme.phase-year", $"{field}.firstYear", "Année plausible",
                $"L'année {phase.FirstYear} n'est pas plausible : indiquez une année entre {BudgetLineRules.FirstYear} et {BudgetLineRules.LastYear}.")
            : null;
        yield return phase.LastYear < phase.FirstYear
            ? Refusal.Invalid("programme.phase-order", $"{field}.lastYear", "Première année avant la dernière",
                $"La phase « {phase.Label} » se termine en {phase.LastYear}, avant de commencer en {phase.FirstYear}.")
            : phase.LastYear > BudgetLineRules.LastYear
                ? Refusal.Invalid("programme.phase-year", $"{field}.lastYear", "Année plausible",
                    $"L'année {phase.LastYear} n'est pas plausible : indiquez une année entre {BudgetLineRules.FirstYear} et {BudgetLineRules.LastYear}.")
                : null;
        yield return phase.Budget is { } budget ? Money.Check(budget, $"{field}.budget", allowZero: true) : null;
    }
}
