using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Approvals.Domain;

/// <summary>A dossier's readable number, <c>SUB-2022-0042</c>: the year of the request and a sequence within that year.</summary>
/// <remarks>
/// The sequence is padded to 4 digits and grows beyond 9999 when needed. Only the written form that
/// <see cref="ToString"/> produces is accepted ("SUB-2022-00042" is refused), so each number has one spelling.
/// </remarks>
public sealed record DossierNumber(int Year, int Sequence)
{
    private const string Prefix = "SUB-";

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DossierNumber? number)
    {
        number = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
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

        number = new DossierNumber(year, sequence);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Year:D4}-{Sequence:D4}");
}
