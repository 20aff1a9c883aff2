namespace Approvals.Domain;

/// <summary>The Luhn check (ISO/IEC 7812) that INSEE uses for SIREN and SIRET numbers.</summary>
internal static class Luhn
{
    /// <summary>Whether <paramref name="digits"/>, all ASCII digits, pass the check.</summary>
    public static bool IsValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[i] - '0';
            // Every second digit from the right, starting with the one left of the check digit, is doubled.
            if ((digits.Length - 1 - i) % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    public static bool AreAsciiDigits(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiDigit);
}
