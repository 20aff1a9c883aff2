using Approvals.Application;
using System.Globalization;

namespace Approvals.Finance;

/// <summary>Amounts and dates written the French way for documents, fixed here rather than taken from the machine's culture.</summary>
public static class FrenchText
{
    /// <summary>Whole euros without decimals ("9 000 €"), cents when there are any ("1 234,50 €"); no-break spaces.</summary>
    public static string Euros(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var whole = rounded == Math.Truncate(rounded);
        var digits = rounded.ToString(whole ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return digits.Replace(',', '\u00A0').Replace('.', ',') + "\u00A0€";
    }

    /// <summary>A percentage with at most two decimals ("57 %", "57,5 %").</summary>
    public static string Percent(decimal percent) =>
        Math.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + "\u00A0%";

    /// <summary>A date as acts write it: "1er février 2023", "21 juin 2022".</summary>
    public static string Date(DateOnly date) => FrenchDates.Act(date);

    /// <summary>A short date: "01/02/2023".</summary>
    public static string ShortDate(DateOnly date) => FrenchDates.Short(date);
}
