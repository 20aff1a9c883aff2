namespace Approvals.Domain;

/// <summary>RNA: the national register of associations' number, <c>W</c> followed by 9 digits.</summary>
/// <remarks>Checked exactly as given (upper-case W, no spaces), like <see cref="Siret"/>: the caller trims input.</remarks>
public static class Rna
{
    public static bool IsValid(string? value) =>
        value is { Length: 10 } && value[0] == 'W' && value.Skip(1).All(char.IsAsciiDigit);

    public static Refusal? Check(string? value, string field) =>
        IsValid(value)
            ? null
            : Refusal.Invalid(
                "rna.format",
                field,
                "Numéro RNA : W suivi de 9 chiffres",
                value is null or ""
                    ? "Le numéro RNA est absent : il s'écrit W suivi de 9 chiffres (par exemple W251002345)."
                    : $"Le numéro RNA « {value} » n'a pas la forme attendue : W majuscule suivi de 9 chiffres (par exemple W251002345).");
}
