using Approvals.Domain;

namespace Approvals.Domain.Tests.Identifiers;

public class SiretTests
{
    /// <summary>
    /// An independent Luhn computation (table of doubled digits, read from the right) to confirm each fixture,
    /// so that a test number is not trusted only because the code under test says so.
    /// </summary>
    private static bool LuhnByTable(string digits)
    {
        int[] doubled = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
        var sum = digits.Reverse().Select((c, i) => i % 2 == 0 ? c - '0' : doubled[c - '0']).Sum();
        return sum % 10 == 0;
    }

    [Theory]
    [InlineData("73282932000074")] // Apple France
    [InlineData("35600000000048")] // La Poste head office: Luhn-valid like any other SIRET
    public void LuhnValidSiret_IsValid(string siret)
    {
        Assert.True(LuhnByTable(siret));
        Assert.True(LuhnByTable(siret[..9]));
        Assert.True(Siret.IsValid(siret));
        Assert.Null(Siret.Check(siret, "siret"));
    }

    [Fact]
    public void LaPosteEstablishment_WithDigitSumMultipleOf5_IsValidThoughNotLuhn()
    {
        const string siret = "35600000049837";

        Assert.False(LuhnByTable(siret));
        Assert.Equal(0, siret.Sum(c => c - '0') % 5);
        Assert.True(Siret.IsValid(siret));
        Assert.Null(Siret.Check(siret, "siret"));
    }

    [Theory]
    [InlineData("73282932000075")] // Apple France with a wrong check digit
    [InlineData("35600000049838")] // La Poste, digit sum 46
    [InlineData("73282932000004")] // digit sum multiple of 5, but the La Poste rule is for La Poste only
    [InlineData("12345678900007")] // the 14 digits pass Luhn, the SIREN 123456789 does not
    public void WrongCheckDigit_IsRefusedAsChecksum(string siret)
    {
        Assert.False((LuhnByTable(siret) && LuhnByTable(siret[..9])) || (siret.StartsWith("356000000", StringComparison.Ordinal) && siret.Sum(c => c - '0') % 5 == 0));
        Assert.False(Siret.IsValid(siret));

        var refusal = Siret.Check(siret, "beneficiaire.siret");

        Assert.NotNull(refusal);
        Assert.Equal("siret.checksum", refusal.Code);
        Assert.Equal("Clé de contrôle SIRET (algorithme de Luhn)", refusal.Rule);
        Assert.Equal("beneficiaire.siret", refusal.Field);
        Assert.Contains(siret, refusal.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7328293200007")] // 13 digits
    [InlineData("732829320000740")] // 15 digits
    [InlineData("732829320000A4")]
    [InlineData("732 829 320 00074")]
    [InlineData(" 73282932000074")] // not trimmed: see Siret's remarks
    [InlineData("73282932000074 ")]
    [InlineData("７３２８２９３２０００７４")] // full-width digits are not ASCII digits
    public void AnythingButFourteenDigits_IsRefusedAsFormat(string? siret)
    {
        Assert.False(Siret.IsValid(siret));

        var refusal = Siret.Check(siret, "siret");

        Assert.NotNull(refusal);
        Assert.Equal("siret.format", refusal.Code);
        Assert.Equal(RefusalKind.InvalidData, refusal.Kind);
        Assert.Contains("14 chiffres", refusal.Message);
    }

    [Theory]
    [InlineData("732829320", true)] // Apple France
    [InlineData("356000000", true)] // La Poste
    [InlineData("242500361", true)] // Grand Besançon Métropole
    [InlineData("242500362", false)]
    [InlineData("123456789", false)]
    [InlineData("73282932", false)]
    [InlineData("7328293200", false)]
    [InlineData("73282932A", false)]
    [InlineData(null, false)]
    public void Siren_IsNineDigitsWithLuhnKey(string? siren, bool valid)
    {
        Assert.Equal(valid, siren is { Length: 9 } && siren.All(char.IsAsciiDigit) && LuhnByTable(siren));
        Assert.Equal(valid, Siret.IsValidSiren(siren));
    }
}
