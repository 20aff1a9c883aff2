using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Approvals.Domain;

/// <summary>
/// A dossier's readable number, <c>SUB-2022-0042</c>: the year of the request and a sequence within that year, counted
/// per authority. No text of law prescribes its form: it is the authority's own internal reference (the acts it sends to
/// the prefecture carry their own ACTES number, <see cref="ActesId"/>).
/// </summary>
/// <remarks>
/// The sequence is padded to 4 digits and grows beyond 9999 when needed. Only the written form that
/// <see cref="ToString"/> produces is accepted ("SUB-2022-00042" is refused), so each number has one spelling.
/// The deployment's first authority numbers as a one-authority deployment always has (<c>SUB-2022-0042</c>); every other
/// authority's numbers start with its <see cref="Authority"/> code (<c>PMA-SUB-2022-0042</c>), since a number is also
/// the dossier's id, unique in the deployment, and each authority counts from 1.
/// </remarks>
public sealed record DossierNumber(int Year, int Sequence)
{
    private const string Prefix = "SUB-";
    private const string AuthorityPrefixEnd = "-" + Prefix;

    /// <summary>
    /// The authority's code before <c>SUB-</c> (its id in capitals: ASCII letters and digits, single hyphens between);
    /// null for the first authority.
    /// </summary>
    public string? Authority { get; init; }

    /// <summary>The code that starts the numbers of authority <paramref name="authorityId"/> (null: the first one's, none).</summary>
    public static string? CodeOf(string? authorityId) => authorityId?.ToUpperInvariant();

    /// <summary>How every number of the authority of code <paramref name="authority"/> starts (null: the first authority's, <c>SUB-</c>).</summary>
    public static string StartOf(string? authority) => authority is null ? Prefix : authority + AuthorityPrefixEnd;

    /// <summary>Whether <paramref name="text"/> is a number of the authority of code <paramref name="authority"/> (null: the first one).</summary>
    public static bool IsOf(string? authority, string text) => TryParse(text, out var number) && number.Authority == authority;

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DossierNumber? number)
    {
        number = null;
        if (text is null)
        {
            return false;
        }

        string? authority = null;
        var end = text.LastIndexOf(AuthorityPrefixEnd, StringComparison.Ordinal);
        if (end > 0)
        {
            authority = text[..end];
            if (!IsCode(authority))
            {
                return false;
            }

            text = text[(end + 1)..];
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Prefix.Length..].Split('-');
        if (parts.Length != 2
            || parts[0].Length != 4 || !parts[0].All(char.IsAsciiDigit)
            || parts[1].Length < 4 || !parts[1].All(char.IsAsciiDigit)
            || (parts[1].Length > 4 && parts[1][0] == '0')
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        var year = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1 || sequence < 1)
        {
            return false;
        }

        number = new DossierNumber(year, sequence) { Authority = authority };
        return true;
    }

    public override string ToString() => Authority is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Year:D4}-{Sequence:D4}")
        : string.Create(CultureInfo.InvariantCulture, $"{Authority}-{Prefix}{Year:D4}-{Sequence:D4}");

    private static bool IsCode(string code) =>
        code.Length > 0 && code[0] != '-' && code[^1] != '-' && !code.Contains("--", StringComparison.Ordinal)
        && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
}
