namespace Approvals.Domain;

/// <summary>Money is decimal euros with at most two decimals; shown the French way ("9 000,00 €").</summary>
public static class Money
{
    /// <summary>The largest amount accepted anywhere (one billion euros): anything above is a typing error.</summary>
    public const decimal Maximum = 1_000_000_000m;

    /// <summary>fr-FR: narrow no-break space as group separator, comma decimals, no-break space before the euro sign.</summary>
    public static string Format(decimal amount) => throw new NotImplementedException();

    /// <summary>Refusal when the amount is negative (or zero when <paramref name="allowZero"/> is false), has more than two decimals, or exceeds <see cref="Maximum"/>.</summary>
    public static Refusal? Check(decimal amount, string field, bool allowZero = false) => throw new NotImplementedException();
}
