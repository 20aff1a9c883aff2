namespace Approvals.Application.Tests;

public sealed class FrenchDatesTests
{
    [Theory]
    [InlineData(2022, 8, 30, "mardi 30 août 2022")]
    [InlineData(2022, 6, 9, "jeudi 9 juin 2022")]
    [InlineData(2023, 2, 1, "mercredi 1er février 2023")]
    [InlineData(2024, 12, 25, "mercredi 25 décembre 2024")]
    [InlineData(2023, 1, 1, "dimanche 1er janvier 2023")]
    [InlineData(2022, 10, 15, "samedi 15 octobre 2022")]
    [InlineData(2022, 7, 14, "jeudi 14 juillet 2022")]
    public void GivenADate_WhenWrittenLong_ThenItReadsAsInAFrenchLetter(int year, int month, int day, string expected) =>
        Assert.Equal(expected, FrenchDates.Long(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2022, 8, 30, "30/08/2022")]
    [InlineData(2023, 2, 1, "01/02/2023")]
    public void GivenADate_WhenWrittenShort_ThenItIsDayMonthYear(int year, int month, int day, string expected) =>
        Assert.Equal(expected, FrenchDates.Short(new DateOnly(year, month, day)));

    [Fact]
    public void GivenEveryMonth_WhenWrittenLong_ThenEachHasItsOwnFrenchName()
    {
        var names = Enumerable.Range(1, 12).Select(m => FrenchDates.Long(new DateOnly(2022, m, 10)).Split(' ')[2]).ToList();

        Assert.Equal(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"], names);
    }
}
