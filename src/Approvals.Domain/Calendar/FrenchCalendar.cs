namespace Approvals.Domain;

/// <summary>
/// French legal time: public holidays, month periods (Code de procédure civile art. 641), extension past
/// non-working days (art. 642), and the end of a day in Europe/Paris expressed in UTC.
/// </summary>
public static class FrenchCalendar
{
    public static TimeZoneInfo Paris => throw new NotImplementedException();

    public static DateOnly EasterSunday(int year) => throw new NotImplementedException();

    public static IReadOnlyList<DateOnly> PublicHolidays(int year, Territory territory) => throw new NotImplementedException();

    public static bool IsPublicHoliday(DateOnly day, Territory territory) => throw new NotImplementedException();

    public static bool IsWorkingDay(DateOnly day, Territory territory) => throw new NotImplementedException();

    /// <summary>Art. 641: same day number N months later, or that month's last day when it has no such day.</summary>
    public static DateOnly AddMonths(DateOnly start, int months) => throw new NotImplementedException();

    /// <summary>Art. 642: a last day that is a Saturday, Sunday or public holiday moves to the next working day.</summary>
    public static DateOnly ExtendToWorkingDay(DateOnly lastDay, Territory territory) => throw new NotImplementedException();

    /// <summary>The last day of a period of <paramref name="months"/> months starting on <paramref name="start"/>, with art. 641 and 642.</summary>
    public static DateOnly MonthsPeriodLastDay(DateOnly start, int months, Territory territory) => throw new NotImplementedException();

    /// <summary>The instant (UTC) at which <paramref name="day"/> ends in Paris: midnight starting the next day, Paris time.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly day) => throw new NotImplementedException();

    /// <summary>The Paris calendar date of an instant.</summary>
    public static DateOnly ParisDate(DateTimeOffset instant) => throw new NotImplementedException();
}
