namespace Approvals.Domain;

/// <summary>SIRET: 14 digits (SIREN 9 + NIC 5) with a Luhn check digit; La Poste's establishments (SIREN 356000000) use a digit-sum-multiple-of-5 rule instead.</summary>
/// <remarks>
/// A value is checked exactly as given: 14 ASCII digits, no spaces, not even around it. These functions validate and
/// do not hand back a cleaned value, so accepting " 732 829 320 00074" here would let the spaces reach storage and the
/// SCDL export; the input layer (form binding) removes the spaces before calling.
/// </remarks>
public static class Siret
{
    private const string LaPosteSiren = "356000000";

    public static bool IsValid(string? value)
    {
        if (!Luhn.AreAsciiDigits(value, 14))
        {
            return false;
        }

        var digits = value!;
        if (Luhn.IsValid(digits))
        {
            return IsValidSiren(digits[..9]);
        }

        // La Poste numbered its establishments without the Luhn key; INSEE's rule for them is a digit sum that is a
        // multiple of 5. Its head office, 356 000 000 00048, happens to pass the Luhn check as well.
        return digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits.Sum(c => c - '0') % 5 == 0;
    }

    /// <summary>SIREN alone: 9 digits with a Luhn check (La Poste's 356000000 is valid).</summary>
    public static bool IsValidSiren(string? value) => Luhn.AreAsciiDigits(value, 9) && Luhn.IsValid(value!);

    public static Refusal? Check(string? value, string field)
    {
        if (!Luhn.AreAsciiDigits(value, 14))
        {
            return Refusal.Invalid(
                "siret.format",
                field,
                "Un SIRET compte 14 chiffres",
                value is null or ""
                    ? "Le numéro SIRET est absent : il compte 14 chiffres, sans espace."
                    : $"Le numéro SIRET « {value} » doit compter exactement 14 chiffres, sans espace ni autre caractère.");
        }

        return IsValid(value)
            ? null
            : Refusal.Invalid(
                "siret.checksum",
                field,
                "Clé de contrôle SIRET (algorithme de Luhn)",
                $"Le numéro SIRET « {value} » est erroné : sa clé de contrôle ne correspond pas (vérifiez les chiffres saisis).");
    }
}
