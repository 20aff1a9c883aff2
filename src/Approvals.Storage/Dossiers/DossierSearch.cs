using System.Globalization;
using System.Text;
using Approvals.Application;

namespace Approvals.Storage;

/// <summary>
/// The words of a dossier the list searches, and the match of a query against a summary. A word of the query matches
/// the start of a word of the dossier, ignoring case and accents ("asso" finds "Association"); a part inside a word
/// ("ciation") does not: the token index cannot find it without reading every dossier. The index files every start
/// of at least <see cref="ShortestPrefix"/> letters, so a query word of one or two letters matches whole words only.
/// </summary>
internal static class DossierSearch
{
    public const int ShortestPrefix = 3;

    /// <summary>Every word, and every start of a word of at least <see cref="ShortestPrefix"/> letters: the index's word rows.</summary>
    public static IReadOnlySet<string> Prefixes(IReadOnlySet<string> words)
    {
        var prefixes = new HashSet<string>(words, StringComparer.Ordinal);
        foreach (var word in words)
        {
            for (var length = ShortestPrefix; length < word.Length; length++)
            {
                prefixes.Add(word[..length]);
            }
        }

        return prefixes;
    }

    /// <summary>The words of the number, the title and the beneficiary's name, which the free text searches.</summary>
    public static IReadOnlySet<string> TextWords(DossierSummary summary) =>
        Words($"{summary.Number} {summary.Title} {summary.BeneficiaryName}");

    /// <summary>The words of the beneficiary's name and SIRET, which the beneficiary filter searches.</summary>
    public static IReadOnlySet<string> BeneficiaryWords(DossierSummary summary) =>
        Words($"{summary.BeneficiaryName} {summary.BeneficiarySiret}");

    /// <summary>Lower-case ASCII letters and digits, accents removed ("École" → "ecole"), split on everything else.</summary>
    public static IReadOnlySet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var character in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(character);
            if (char.IsAsciiLetterOrDigit(lower))
            {
                current.Append(lower);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    public static bool Matches(DossierSummary summary, DossierQuery query) =>
        summary.AuthorityId == query.AuthorityId
        && (query.Stage is null || summary.Stage == query.Stage)
        && (query.Year is null || summary.Year == query.Year)
        && (query.BudgetLineCode is null || summary.BudgetLineCode == query.BudgetLineCode)
        && (query.ProgrammeId is null || summary.ProgrammeId == query.ProgrammeId)
        && (!query.ReportOverdue || summary.ReportOverdueOn is not null)
        && AllStart(Words(query.Beneficiary), BeneficiaryWords(summary))
        && AllStart(Words(query.Text), TextWords(summary));

    private static bool AllStart(IReadOnlySet<string> parts, IReadOnlySet<string> words) =>
        parts.All(part => words.Any(word => part.Length < ShortestPrefix ? word == part : word.StartsWith(part, StringComparison.Ordinal)));
}
