using Approvals.Domain;

namespace Approvals.Domain.Tests.Common;

public class MoneyTests
{
    private const char Narrow = '\u202F';
    private const char NoBreak = '\u00A0';

    [Theory]
    [InlineData("9000", "9_000,00 €")]
    [InlineData("0", "0,00 €")]
    [InlineData("0.5", "0,50 €")]
    [InlineData("999.99", "999,99 €")]
    [InlineData("1000", "1_000,00 €")]
    [InlineData("15790", "15_790,00 €")]
    [InlineData("786000", "786_000,00 €")]
    [InlineData("1234567.8", "1_234_567,80 €")]
    [InlineData("1000000000", "1_000_000_000,00 €")]
    [InlineData("-1234.5", "-1_234,50 €")]
    [InlineData("-0.001", "0,00 €")]
    [InlineData("2.005", "2,01 €")]
    public void Format_WritesFrenchAmounts(string amount, string expected)
    {
        // Written with '_' and a plain space above for readability; the real separators are invisible.
        var french = expected.Replace('_', Narrow).Replace(" €", NoBreak + "€");

        Assert.Equal(french, Money.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Format_UsesNarrowNoBreakSpaceBetweenGroupsAndNoBreakSpaceBeforeTheEuroSign()
    {
        Assert.Equal("9\u202F000,00\u00A0€", Money.Format(9000m));
    }

    [Theory]
    [InlineData("9000", false)]
    [InlineData("0.01", false)]
    [InlineData("0", true)]
    [InlineData("1.10", false)]
    [InlineData("1000000000", false)]
    public void Check_AcceptsValidAmounts(string amount, bool allowZero)
    {
        Assert.Null(Money.Check(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "montant", allowZero));
    }

    [Theory]
    [InlineData("-1", false, "amount.negative", "Montant positif")]
    [InlineData("-1", true, "amount.negative", "Montant positif")]
    [InlineData("0", false, "amount.zero", "Montant non nul")]
    [InlineData("12.345", false, "amount.precision", "Deux décimales au plus")]
    [InlineData("1000000000.01", false, "amount.too-large", "Montant plafonné à 1_000_000_000 €")]
    public void Check_RefusesWithCodeRuleAndField(string amount, bool allowZero, string code, string rule)
    {
        var refusal = Money.Check(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "montantDemande", allowZero);

        Assert.NotNull(refusal);
        Assert.Equal(RefusalKind.InvalidData, refusal.Kind);
        Assert.Equal(code, refusal.Code);
        Assert.Equal(rule.Replace('_', Narrow).Replace(" €", NoBreak + "€"), refusal.Rule);
        Assert.Equal("montantDemande", refusal.Field);
    }

    [Fact]
    public void Check_NamesTheAmountInItsMessage()
    {
        Assert.Contains("-1\u202F234,50\u00A0€", Money.Check(-1234.5m, "montant")!.Message);
        Assert.Contains("12,345\u00A0€", Money.Check(12.345m, "montant")!.Message);
        Assert.Contains("2\u202F000\u202F000\u202F000,00\u00A0€", Money.Check(2_000_000_000m, "montant")!.Message);
    }
}
