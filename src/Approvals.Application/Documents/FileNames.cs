using System.Globalization;
using System.Text;
using Approvals.Domain;

namespace Approvals.Application;

/// <summary>Rules for the names of uploaded files, and their safe form inside blob names.</summary>
public static class FileNames
{
    public const int MaxLength = 200;

    private const string Code = "document.name";

    /// <summary>The trimmed name, or a refusal when it is empty, too long, or could act as a path.</summary>
    public static Result<string> Check(string? fileName, string field)
    {
        var name = fileName?.Trim() ?? "";
        if (name.Length == 0)
        {
            return Refuse(field, "Nom de fichier obligatoire", "Le nom du fichier est vide.");
        }

        if (name.Length > MaxLength)
        {
            return Refuse(field, $"Nom de fichier de {MaxLength} caractères au plus",
                $"Le nom du fichier dépasse {MaxLength} caractères ({name.Length}) : raccourcissez-le.");
        }

        if (name.Contains('/') || name.Contains('\\'))
        {
            return Refuse(field, "Nom de fichier sans chemin",
                "Le nom du fichier ne doit contenir ni « / » ni « \\ » : donnez le nom seul, sans dossier.");
        }

        if (name.Contains(".."))
        {
            return Refuse(field, "Nom de fichier sans « .. »", "Le nom du fichier ne doit pas contenir « .. ».");
        }

        if (name.Any(char.IsControl))
        {
            return Refuse(field, "Nom de fichier sans caractère de contrôle",
                "Le nom du fichier contient des caractères de contrôle (tabulation, retour à la ligne…).");
        }

        return Result<string>.Ok(name);
    }

    /// <summary>The name folded to ASCII letters, digits, '.', '_' and '-' (others become '-'), for use in a blob name.</summary>
    public static string ToBlobSafe(string fileName)
    {
        var folded = new StringBuilder(fileName.Length);
        foreach (var character in fileName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(character switch
            {
                'œ' => "oe",
                'Œ' => "OE",
                'æ' => "ae",
                'Æ' => "AE",
                'ß' => "ss",
                _ when char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-' => character.ToString(),
                _ => "-",
            });
        }

        var safe = folded.ToString().Trim('-', '.');
        return safe.Length == 0 ? "document" : safe;
    }

    private static Result<string> Refuse(string field, string rule, string message) =>
        Refusal.Invalid(Code, field, rule, message);
}
