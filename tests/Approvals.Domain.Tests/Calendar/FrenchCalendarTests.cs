using System.Globalization;
using Approvals.Domain;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approvals.Domain.Tests.Calendar;

public class FrenchCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.ParseExact(iso, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("2022-06-30", "2022-08-30")] // art. 641: same day number
    [InlineData("2022-12-31", "2023-02-28")] // no 31 February: last day, a Tuesday
    [InlineData("2023-06-15", "2023-08-16")] // 15 August is a holiday: next working day
    public void GivenNotification_WhenTwoMonthPaymentWindow_ThenLastDayFollowsArticles641And642(string notified, string lastDay)
    {
        Assert.Equal(D(lastDay), FrenchCalendar.MonthsPeriodLastDay(D(notified), 2, Territory.General));
    }

    [Fact]
    public void February28th2023_IsATuesday_SoTheWindowIsNotExtended()
    {
        Assert.Equal(DayOfWeek.Tuesday, D("2023-02-28").DayOfWeek);
        Assert.True(FrenchCalendar.IsWorkingDay(D("2023-02-28"), Territory.General));
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2038, "2038-04-25")] // latest possible date
    [InlineData(2285, "2285-03-22")] // earliest possible date
    public void EasterSunday_MatchesTheGregorianCalendar(int year, string easter)
    {
        Assert.Equal(D(easter), FrenchCalendar.EasterSunday(year));
        Assert.Equal(DayOfWeek.Sunday, FrenchCalendar.EasterSunday(year).DayOfWeek);
    }

    [Fact]
    public void PublicHolidays2024_General_AreTheElevenNationalHolidaysInOrder()
    {
        string[] expected =
        [
            "2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20",
            "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25",
        ];
        Assert.Equal(expected.Select(D), FrenchCalendar.PublicHolidays(2024, Territory.General));
    }

    [Fact]
    public void PublicHolidays2024_AlsaceMoselle_AddGoodFridayAnd26December()
    {
        var general = FrenchCalendar.PublicHolidays(2024, Territory.General);
        var alsace = FrenchCalendar.PublicHolidays(2024, Territory.AlsaceMoselle);

        Assert.Equal(new[] { D("2024-03-29"), D("2024-12-26") }, alsace.Except(general));
        Assert.Empty(general.Except(alsace));
        Assert.Equal(alsace.Order(), alsace);
    }

    [Theory]
    [InlineData(2023, "2023-05-18", "2023-05-29")]
    [InlineData(2024, "2024-05-09", "2024-05-20")]
    [InlineData(2025, "2025-05-29", "2025-06-09")]
    public void AscensionAndWhitMonday_Are39And50DaysAfterEaster(int year, string ascension, string whitMonday)
    {
        Assert.True(FrenchCalendar.IsPublicHoliday(D(ascension), Territory.General));
        Assert.Equal(DayOfWeek.Thursday, D(ascension).DayOfWeek);
        Assert.True(FrenchCalendar.IsPublicHoliday(D(whitMonday), Territory.General));
        Assert.Equal(DayOfWeek.Monday, D(whitMonday).DayOfWeek);
        Assert.Equal(FrenchCalendar.EasterSunday(year).AddDays(39), D(ascension));
    }

    [Fact]
    public void GivenAscensionOn1May_WhenListingHolidays_ThenTheDayAppearsOnce()
    {
        // Ascension 2008 fell on 1 May.
        var holidays = FrenchCalendar.PublicHolidays(2008, Territory.General);

        Assert.Equal(10, holidays.Count);
        Assert.Equal(holidays.Distinct(), holidays);
        Assert.Contains(D("2008-05-01"), holidays);
    }

    [Theory]
    [InlineData("2024-07-12", "2024-07-12", Territory.General)] // Friday before 14 July: stays
    [InlineData("2024-07-13", "2024-07-15", Territory.General)] // Saturday, then Sunday 14 July
    [InlineData("2024-07-14", "2024-07-15", Territory.General)] // Sunday 14 July
    [InlineData("2021-05-01", "2021-05-03", Territory.General)] // 1 May on a Saturday
    [InlineData("2027-05-08", "2027-05-10", Territory.General)] // 8 May on a Saturday
    [InlineData("2025-04-19", "2025-04-22", Territory.General)] // Saturday, Easter Sunday, Easter Monday
    [InlineData("2024-05-09", "2024-05-10", Territory.General)] // Ascension Thursday
    [InlineData("2025-06-07", "2025-06-10", Territory.General)] // Saturday, Sunday, Whit Monday
    [InlineData("2024-12-25", "2024-12-26", Territory.General)]
    [InlineData("2024-12-25", "2024-12-27", Territory.AlsaceMoselle)] // 26 December too
    [InlineData("2025-12-25", "2025-12-29", Territory.AlsaceMoselle)] // Thursday, Friday 26, weekend
    [InlineData("2025-04-18", "2025-04-18", Territory.General)] // Good Friday is a working day...
    [InlineData("2025-04-18", "2025-04-22", Territory.AlsaceMoselle)] // ...except in Alsace-Moselle
    [InlineData("2023-11-01", "2023-11-02", Territory.General)]
    [InlineData("2023-11-11", "2023-11-13", Territory.General)] // Saturday holiday
    [InlineData("2022-01-01", "2022-01-03", Territory.General)]
    [InlineData("2023-08-14", "2023-08-14", Territory.General)] // a plain Monday stays
    public void ExtendToWorkingDay_SkipsWeekendsAndHolidays(string lastDay, string extended, Territory territory)
    {
        Assert.Equal(D(extended), FrenchCalendar.ExtendToWorkingDay(D(lastDay), territory));
    }

    [Theory]
    [InlineData("2022-06-30", 2, "2022-08-30")]
    [InlineData("2022-12-31", 2, "2023-02-28")]
    [InlineData("2023-12-31", 2, "2024-02-29")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2023-03-31", 1, "2023-04-30")]
    [InlineData("2023-01-15", 12, "2024-01-15")]
    [InlineData("2023-05-20", 0, "2023-05-20")]
    public void AddMonths_KeepsTheDayNumberOrTakesTheMonthsLastDay(string start, int months, string expected)
    {
        Assert.Equal(D(expected), FrenchCalendar.AddMonths(D(start), months));
    }

    [Fact]
    public void Paris_IsTheEuropeParisZone()
    {
        Assert.Equal("Europe/Paris", FrenchCalendar.Paris.Id);
        Assert.Same(FrenchCalendar.Paris, FrenchCalendar.Paris);
    }

    [Theory]
    [InlineData("2023-01-15", "2023-01-15T23:00:00Z")] // winter, UTC+1
    [InlineData("2023-07-15", "2023-07-15T22:00:00Z")] // summer, UTC+2
    [InlineData("2023-03-25", "2023-03-25T23:00:00Z")] // the night before summer time: still UTC+1 at midnight
    [InlineData("2023-03-26", "2023-03-26T22:00:00Z")] // the 23-hour day
    [InlineData("2023-10-28", "2023-10-28T22:00:00Z")] // the night before winter time: still UTC+2 at midnight
    [InlineData("2023-10-29", "2023-10-29T23:00:00Z")] // the 25-hour day
    [InlineData("1976-09-25", "1976-09-25T22:00:00Z")] // summer time ended at 01:00 back to 00:00: the first midnight counts
    [InlineData("1976-09-26", "1976-09-26T23:00:00Z")] // so 26 September 1976 lasted 25 hours
    [InlineData("1944-08-24", "1944-08-24T22:00:00Z")] // Liberation of Paris: German summer time (+2) gave way to French double summer time (+2)
    [InlineData("2024-03-31", "2024-03-31T22:00:00Z")]
    [InlineData("2024-12-31", "2024-12-31T23:00:00Z")]
    public void EndOfDayUtc_IsParisMidnightStartingTheNextDay(string day, string end)
    {
        var actual = FrenchCalendar.EndOfDayUtc(D(day));

        Assert.Equal(Utc(end), actual);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    [Theory]
    [InlineData("2023-03-26", 23)]
    [InlineData("2023-10-29", 25)]
    [InlineData("2023-06-01", 24)]
    public void ClockChangeDays_LastTheirRealLength(string day, int hours)
    {
        var length = FrenchCalendar.EndOfDayUtc(D(day)) - FrenchCalendar.EndOfDayUtc(D(day).AddDays(-1));

        Assert.Equal(TimeSpan.FromHours(hours), length);
    }

    [Theory]
    [InlineData("2023-03-25T22:59:59Z", "2023-03-25")]
    [InlineData("2023-03-25T23:00:00Z", "2023-03-26")]
    [InlineData("2023-07-14T21:59:59Z", "2023-07-14")]
    [InlineData("2023-07-14T22:00:00Z", "2023-07-15")]
    [InlineData("2023-10-29T00:30:00Z", "2023-10-29")] // 02:30 summer time, before the clocks go back
    [InlineData("2023-10-29T22:59:59Z", "2023-10-29")]
    [InlineData("2023-10-29T23:00:00Z", "2023-10-30")]
    public void ParisDate_ReadsTheInstantOnParisClocks(string instant, string day)
    {
        Assert.Equal(D(day), FrenchCalendar.ParisDate(Utc(instant)));
    }

    [Fact]
    public void ParisDate_DoesNotDependOnTheInstantsOffset()
    {
        var inNewYork = new DateTimeOffset(2023, 7, 14, 18, 30, 0, TimeSpan.FromHours(-4)); // 00:30 on 15 July in Paris

        Assert.Equal(D("2023-07-15"), FrenchCalendar.ParisDate(inNewYork));
    }

    [Fact]
    public void EveryParisDayFrom1900To2200_EndsWhereTheNextBeginsAfter23To25Hours()
    {
        // Exhaustive because the rare days (a clock change at midnight happened twice) are easy for random samples to miss.
        var faults = new List<string>();
        for (var day = new DateOnly(1900, 1, 2); day <= new DateOnly(2200, 12, 31); day = day.AddDays(1))
        {
            var start = FrenchCalendar.EndOfDayUtc(day.AddDays(-1));
            var end = FrenchCalendar.EndOfDayUtc(day);
            var hours = (end - start).TotalHours;
            // 11 March 1911 lasted 24 h 09 min 21 s: France left Paris Mean Time (+00:09:21) for GMT.
            if (hours is < 23 or > 25
                || FrenchCalendar.ParisDate(start) != day
                || FrenchCalendar.ParisDate(end.AddTicks(-1)) != day)
            {
                faults.Add($"{day:yyyy-MM-dd}: {start:O} to {end:O}");
            }
        }

        Assert.Empty(faults);
    }

    private static Arbitrary<DateOnly> Days() =>
        // From 1900, to cover the historical clock changes (1944 and 1976 went back at midnight) as well as future years.
        Gen.Choose(0, 365 * 300).Select(offset => new DateOnly(1900, 1, 1).AddDays(offset)).ToArbitrary();

    private static Arbitrary<Territory> Territories() => Gen.Elements(Territory.General, Territory.AlsaceMoselle).ToArbitrary();

    private static Arbitrary<int> MonthCounts() => Gen.Choose(0, 120).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property MonthsPeriodLastDay_IsAWorkingDayAtMostFourDaysAfterArticle641sDay() =>
        Prop.ForAll(Days(), MonthCounts(), Territories(), (start, months, territory) =>
        {
            var plain = FrenchCalendar.AddMonths(start, months);
            var last = FrenchCalendar.MonthsPeriodLastDay(start, months, territory);
            var delay = last.DayNumber - plain.DayNumber;

            return delay >= 0 && delay <= 4 && FrenchCalendar.IsWorkingDay(last, territory);
        });

    [Property(MaxTest = 2000)]
    public Property EndOfDayUtc_ClosesTheParisDay() =>
        Prop.ForAll(Days(), day =>
        {
            var end = FrenchCalendar.EndOfDayUtc(day);
            var start = FrenchCalendar.EndOfDayUtc(day.AddDays(-1));
            var length = end - start;

            return end > start
                && (length == TimeSpan.FromHours(23) || length == TimeSpan.FromHours(24) || length == TimeSpan.FromHours(25))
                && end.Offset == TimeSpan.Zero
                && FrenchCalendar.ParisDate(start) == day
                && FrenchCalendar.ParisDate(end.AddTicks(-1)) == day
                && FrenchCalendar.ParisDate(end) == day.AddDays(1);
        });
}
