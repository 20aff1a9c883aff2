using System.Globalization;
using System.Text;

namespace Approvals.Domain;

/// <summary>Money is decimal euros with at most two decimals; shown the French way ("9 000,00 €").</summary>
public static class Money
{
    /// <summary>The largest amount accepted anywhere (one billion euros): anything above is a typing error.</summary>
    public const decimal Maximum = 1_000_000_000m;

    private const char GroupSeparator = '\u202F';
    private const string EuroSuffix = "\u00A0€";

    /// <summary>fr-FR: narrow no-break space as group separator, comma decimals, no-break space before the euro sign.</summary>
    /// <remarks>
    /// Built by hand rather than from the fr-FR culture, whose separators differ between ICU versions and are absent
    /// under invariant globalization: a document or an e-mail must read the same on every host. An amount with more
    /// than two decimals (which <see cref="Check"/> refuses) is rounded half away from zero.
    /// </remarks>
    public static string Format(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        // A tiny negative amount rounds to a negative zero, which would print as "-0,00 €".
        var shown = rounded == 0m ? 0m : rounded;
        return FrenchDigits(shown.ToString("0.00", CultureInfo.InvariantCulture)) + EuroSuffix;
    }

    /// <summary>Refusal when the amount is negative (or zero when <paramref name="allowZero"/> is false), has more than two decimals, or exceeds <see cref="Maximum"/>.</summary>
    public static Refusal? Check(decimal amount, string field, bool allowZero = false)
    {
        if (amount < 0m)
        {
            return Refusal.Invalid("amount.negative", field, "Montant positif", $"Le montant {Format(amount)} est négatif : un montant ne peut pas être inférieur à zéro.");
        }

        if (amount == 0m && !allowZero)
        {
            return Refusal.Invalid("amount.zero", field, "Montant non nul", $"Le montant {Format(amount)} est nul : indiquez un montant supérieur à zéro.");
        }

        if (amount != Math.Round(amount, 2))
        {
            // Shown with all its decimals: rounding it in the message would hide the very fault being reported.
            var exact = FrenchDigits(amount.ToString(CultureInfo.InvariantCulture)) + EuroSuffix;
            return Refusal.Invalid("amount.precision", field, "Deux décimales au plus", $"Le montant {exact} a plus de deux décimales : les montants s'expriment en euros et centimes.");
        }

        if (amount > Maximum)
        {
            return Refusal.Invalid("amount.too-large", field, $"Montant plafonné à {MaximumText}", $"Le montant {Format(amount)} dépasse le plafond de {MaximumText}.");
        }

        return null;
    }

    private static string MaximumText => FrenchDigits(Maximum.ToString("0", CultureInfo.InvariantCulture)) + EuroSuffix;

    /// <summary>Turns an invariant number ("-1234.5") into French digits ("-1 234,5"), grouping the integer part by three.</summary>
    private static string FrenchDigits(string invariant)
    {
        var negative = invariant.StartsWith('-');
        var unsigned = negative ? invariant[1..] : invariant;
        var point = unsigned.IndexOf('.');
        var integer = point < 0 ? unsigned : unsigned[..point];
        var fraction = point < 0 ? string.Empty : unsigned[(point + 1)..];

        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0)
            {
                text.Append(GroupSeparator);
            }

            text.Append(integer[i]);
        }

        if (fraction.Length > 0)
        {
            text.Append(',').Append(fraction);
        }

        return text.ToString();
    }
}
