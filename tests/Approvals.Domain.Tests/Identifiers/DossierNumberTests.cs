using Approvals.Domain;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approvals.Domain.Tests.Identifiers;

public class DossierNumberTests
{
    [Theory]
    [InlineData(2022, 42, "SUB-2022-0042")]
    [InlineData(2022, 1, "SUB-2022-0001")]
    [InlineData(2023, 9999, "SUB-2023-9999")]
    [InlineData(2023, 10000, "SUB-2023-10000")]
    [InlineData(2023, 123456, "SUB-2023-123456")]
    public void ToString_PadsTheSequenceToFourDigits_AndParsesBack(int year, int sequence, string text)
    {
        Assert.Equal(text, new DossierNumber(year, sequence).ToString());
        Assert.True(DossierNumber.TryParse(text, out var parsed));
        Assert.Equal(new DossierNumber(year, sequence), parsed);
    }

    [Theory]
    [InlineData("PMA", 2022, 1, "PMA-SUB-2022-0001")]
    [InlineData("CC-PAYS-2", 2023, 10000, "CC-PAYS-2-SUB-2023-10000")]
    [InlineData("SUB", 2023, 7, "SUB-SUB-2023-0007")]
    public void AnotherAuthoritysNumber_StartsWithItsCode_AndParsesBack(string authority, int year, int sequence, string text)
    {
        var number = new DossierNumber(year, sequence) { Authority = authority };
        Assert.Equal(text, number.ToString());
        Assert.True(DossierNumber.TryParse(text, out var parsed));
        Assert.Equal(number, parsed);
        Assert.NotEqual(new DossierNumber(year, sequence), parsed);
    }

    [Theory]
    [InlineData("pma-SUB-2022-0001")] // the code in capitals only: one spelling
    [InlineData("-SUB-2022-0001")]
    [InlineData("PMA--SUB-2022-0001")]
    [InlineData("P MA-SUB-2022-0001")]
    [InlineData("PMA-SUB-2022-42")]
    [InlineData("PMASUB-2022-0001")]
    public void MalformedAuthorityCode_IsRefused(string text)
    {
        Assert.False(DossierNumber.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SUB-2022-42")] // not padded
    [InlineData("SUB-2022-00042")] // padded beyond four digits: a second spelling of SUB-2022-0042
    [InlineData("SUB-22-0042")]
    [InlineData("sub-2022-0042")]
    [InlineData("SUB-2022-0000")]
    [InlineData("SUB-2022-0042-1")]
    [InlineData("SUB-2022-+042")]
    [InlineData("SUB-2022-99999999999")] // beyond int
    [InlineData(" SUB-2022-0042")]
    public void MalformedText_IsRefused(string? text)
    {
        Assert.False(DossierNumber.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Property(MaxTest = 500)]
    public Property ToStringThenTryParse_GivesBackTheSameNumber() =>
        Prop.ForAll(Gen.Choose(1000, 9999).ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (year, sequence) =>
        {
            var number = new DossierNumber(year, sequence);
            return DossierNumber.TryParse(number.ToString(), out var parsed) && parsed == number;
        });
}
