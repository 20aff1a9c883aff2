using System.Globalization;
using System.Text;

namespace Approvals.Domain;

/// <summary>
/// How two names on a register of deliberations are recognised as the same member. The clerk writes
/// "M. Benoit VUILLEMIN" in the attendance and "Benoît VUILLEMIN" among the interested members (seed 004):
/// civil titles, case, accents and repeated spaces carry no identity.
/// </summary>
public static class MemberName
{
    private static readonly HashSet<string> Titles = ["m.", "mme", "mme.", "monsieur", "madame"];

    /// <summary>The comparison key: lower case, without accents, civil title or extra spaces. Empty for a blank name.</summary>
    public static string Normalize(string name)
    {
        var words = WithoutAccents(name).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        // Only a leading title is dropped: "Mme" inside a name is part of the name.
        if (words.Count > 1 && Titles.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    public static bool Same(string a, string b) => Normalize(a) == Normalize(b);

    private static string WithoutAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
