using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Approvals.Domain;

/// <summary>
/// The unique identifier of an act transmitted to the prefecture: <c>DDD-SIREN-YYYYMMDD-NUMBER-NATURE</c>,
/// e.g. <c>025-242500361-20220609-22_045-DE</c>.
/// </summary>
/// <remarks>
/// The SIREN is checked for its 9 digits only, not its Luhn key: the transmission platform's own examples use
/// 000000000. The department is 3 characters among 0-9, A and B (Corsica is 02A and 02B).
/// </remarks>
public sealed record ActesId(string Department, string Siren, DateOnly DecisionDate, string Number, ActesNature Nature)
{
    private const string ExpectedForm =
        "la forme attendue est DÉPARTEMENT-SIREN-AAAAMMJJ-NUMÉRO-NATURE, par exemple 034-000000000-20170701-20170728C-AI";

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ActesId? id)
    {
        id = Read(text, out _);
        return id is not null;
    }

    /// <summary>Parses, or returns a refusal naming <paramref name="field"/> and the expected format.</summary>
    public static Result<ActesId> Parse(string? text, string field)
    {
        var id = Read(text, out var fault);
        if (id is not null)
        {
            return Result<ActesId>.Ok(id);
        }

        var subject = text is null or "" ? "L'identifiant ACTES est absent" : $"L'identifiant ACTES « {text} » n'est pas valide ({fault})";
        return Refusal.Invalid("actes.format", field, "Identifiant ACTES DDD-SIREN-AAAAMMJJ-NUMÉRO-NATURE", $"{subject} : {ExpectedForm}.");
    }

    public override string ToString() =>
        $"{Department}-{Siren}-{DecisionDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Number}-{Nature}";

    /// <summary>The id, or null with <paramref name="fault"/> saying in French which part is wrong.</summary>
    private static ActesId? Read(string? text, out string fault)
    {
        var parts = (text ?? string.Empty).Split('-');
        if (parts.Length != 5)
        {
            fault = "il faut 5 parties séparées par des tirets";
            return null;
        }

        var (department, siren, date, number, nature) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        if (department.Length != 3 || !department.All(c => char.IsAsciiDigit(c) || c is 'A' or 'B'))
        {
            fault = "le département compte 3 caractères : chiffres, A ou B";
            return null;
        }

        if (siren.Length != 9 || !siren.All(char.IsAsciiDigit))
        {
            fault = "le SIREN compte 9 chiffres";
            return null;
        }

        if (date.Length != 8 || !date.All(char.IsAsciiDigit)
            || !DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var decisionDate))
        {
            fault = "la date de décision AAAAMMJJ n'existe pas";
            return null;
        }

        if (number.Length is < 1 or > 15 || !number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c == '_'))
        {
            fault = "le numéro compte 1 à 15 caractères : chiffres, lettres majuscules ou _";
            return null;
        }

        // Enum.TryParse would also take "0" or "de"; only the exact code names are valid.
        if (!Enum.GetNames<ActesNature>().Contains(nature, StringComparer.Ordinal))
        {
            fault = "la nature est DE, AI, AR, CC, BF ou AU";
            return null;
        }

        fault = string.Empty;
        return new ActesId(department, siren, decisionDate, number, Enum.Parse<ActesNature>(nature));
    }
}
