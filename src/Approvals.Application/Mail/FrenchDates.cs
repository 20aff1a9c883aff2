using System.Globalization;

namespace Approvals.Application;

/// <summary>
/// Dates as French letters write them ("mardi 30 août 2022", "30/08/2022"), from our own name tables: the fr-FR
/// culture data differs between ICU versions and is absent under invariant globalization.
/// </summary>
public static class FrenchDates
{
    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>"mardi 30 août 2022"; the first of a month is written "1er", as in the seed's convention.</summary>
    public static string Long(DateOnly day) => $"{Days[(int)day.DayOfWeek]} {Act(day)}";

    /// <summary>"1er février 2023", "21 juin 2022": a date as acts and conventions write it.</summary>
    public static string Act(DateOnly day) =>
        $"{DayOfMonth(day)} {Months[day.Month - 1]} {day.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"30/08/2022".</summary>
    public static string Short(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string DayOfMonth(DateOnly day) => day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture);
}
