namespace Approvals.Domain;

/// <summary>
/// French legal time: public holidays, month periods (Code de procédure civile art. 641), extension past
/// non-working days (art. 642), and the end of a day in Europe/Paris expressed in UTC.
/// </summary>
public static class FrenchCalendar
{
    private static readonly TimeZoneInfo ParisZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static TimeZoneInfo Paris => ParisZone;

    /// <summary>Gregorian Easter (the anonymous Gregorian algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static IReadOnlyList<DateOnly> PublicHolidays(int year, Territory territory)
    {
        var easter = EasterSunday(year);
        var holidays = new List<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(1),
            new(year, 5, 1),
            new(year, 5, 8),
            easter.AddDays(39),
            easter.AddDays(50),
            new(year, 7, 14),
            new(year, 8, 15),
            new(year, 11, 1),
            new(year, 11, 11),
            new(year, 12, 25),
        };
        if (territory == Territory.AlsaceMoselle)
        {
            holidays.Add(easter.AddDays(-2));
            holidays.Add(new DateOnly(year, 12, 26));
        }

        // Ascension can fall on 1 or 8 May: the list keeps one entry per day.
        return holidays.Distinct().Order().ToList();
    }

    public static bool IsPublicHoliday(DateOnly day, Territory territory) =>
        PublicHolidays(day.Year, territory).Contains(day);

    public static bool IsWorkingDay(DateOnly day, Territory territory) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(day, territory);

    /// <summary>Art. 641: same day number N months later, or that month's last day when it has no such day.</summary>
    public static DateOnly AddMonths(DateOnly start, int months) =>
        // DateOnly.AddMonths already clamps to the last day of a shorter month, which is exactly art. 641.
        start.AddMonths(months);

    /// <summary>Art. 642: a last day that is a Saturday, Sunday or public holiday moves to the next working day.</summary>
    public static DateOnly ExtendToWorkingDay(DateOnly lastDay, Territory territory)
    {
        var day = lastDay;
        while (!IsWorkingDay(day, territory))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The last day of a period of <paramref name="months"/> months starting on <paramref name="start"/>, with art. 641 and 642.</summary>
    public static DateOnly MonthsPeriodLastDay(DateOnly start, int months, Territory territory) =>
        ExtendToWorkingDay(AddMonths(start, months), territory);

    /// <summary>The instant (UTC) at which <paramref name="day"/> ends in Paris: midnight starting the next day, Paris time.</summary>
    /// <remarks>
    /// Paris changes its clocks at 02:00 or 03:00 today, but history has changes at midnight: clocks set back to midnight
    /// on 8 October 1944 and 26 September 1976, so that midnight came twice and the day ended at the first one. And
    /// .NET's local-to-UTC rules are wrong around 25 August 1944 (they see a skipped midnight where the offset stayed
    /// +2). So this reads midnight with each offset in force around it and keeps the earliest instant that Paris
    /// clocks really showed as midnight, using only the UTC-to-local direction, which follows the time zone database.
    /// </remarks>
    public static DateTimeOffset EndOfDayUtc(DateOnly day)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var midnightAsUtc = new DateTimeOffset(nextMidnight, TimeSpan.Zero);

        // Paris offsets lie between 0 and +2 h, so the end lies in the 2 hours before midnightAsUtc; one clock change
        // at most falls in the window from 3 hours before to 1 hour after, and its two offsets are read at its ends.
        var offsets = new[] { ParisZone.GetUtcOffset(midnightAsUtc.AddHours(-3)), ParisZone.GetUtcOffset(midnightAsUtc.AddHours(1)) };
        var ends = offsets
            .Select(offset => midnightAsUtc - offset)
            .Where(end => TimeZoneInfo.ConvertTime(end, ParisZone).DateTime == nextMidnight)
            .ToList();
        return ends.Count > 0
            ? ends.Min()
            : throw new InvalidOperationException($"Paris clocks never showed midnight starting {day.AddDays(1):O}.");
    }

    /// <summary>The Paris calendar date of an instant.</summary>
    public static DateOnly ParisDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ParisZone).DateTime);
}
