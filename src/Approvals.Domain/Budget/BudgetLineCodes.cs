using System.Text;
using System.Text.RegularExpressions;

namespace Approvals.Domain;

/// <summary>
/// The code of a budget line in the M57 nomenclature (instruction budgétaire et comptable M57, tome I: the nomenclature
/// by nature — chapters of 2 or 3 digits such as 65 or 204, articles of up to 6 digits such as 6574 or 20422 — crossed
/// with the functional presentation — function, sub-function, rubric, e.g. 23 "enseignement supérieur"), written
/// chapter-function-article as the authority's budget lists it: "65-23-6574", "204-20422".
/// </summary>
/// <remarks>
/// One code must mean one line: "65-23-6574 " or "65–23–6574" (en-dashes) would otherwise be a second line that
/// escapes the line's credit control. So a code is normalised (<see cref="Normalise"/>) where it enters, then its
/// shape is checked (<see cref="Check"/>) by the request's rules and the budget line's.
/// </remarks>
public static partial class BudgetLineCodes
{
    /// <summary>A chapter of 2 or 3 digits, then one to three segments of 1 to 6 digits separated by hyphens.</summary>
    [GeneratedRegex(@"^\d{2,3}(-\d{1,6}){1,3}$", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    /// <summary>Drops every white space (trailing, non-breaking, around the dashes) and writes every dash or minus sign as '-'.</summary>
    public static string Normalise(string? code)
    {
        if (code is null)
        {
            return "";
        }

        var normalised = new StringBuilder(code.Length);
        foreach (var character in code)
        {
            if (char.IsWhiteSpace(character))
            {
                continue;
            }

            // Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small and full-width hyphen-minus.
            normalised.Append(character is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D'
                ? '-'
                : character);
        }

        return normalised.ToString();
    }

    /// <summary>Refusal, naming <paramref name="field"/>, when <paramref name="code"/> (already normalised) is not an M57 code.</summary>
    public static Refusal? Check(string? code, string field) =>
        code is not null && Pattern().IsMatch(code)
            ? null
            : Refusal.Invalid(
                "budgetLine.code",
                field,
                "Code M57 chapitre-fonction-article",
                $"Le code « {code} » n'est pas un code M57 valide : la forme attendue est chapitre-fonction-article, en chiffres séparés par des tirets, par exemple 65-23-6574.");
}
