namespace Approvals.Domain.Tests;

using static SeedDossier;

/// <summary>[hardening] 2: one code, one line: the code is normalised, then its M57 shape is checked at the request.</summary>
public class BudgetLineCodesTests
{
    [Theory]
    [InlineData("65-23-6574 ", "65-23-6574")]
    [InlineData(" 65-23-6574", "65-23-6574")]
    [InlineData("65\u201323\u20136574", "65-23-6574")]
    [InlineData("65\u201423\u22126574", "65-23-6574")]
    [InlineData("65 - 23 - 6574", "65-23-6574")]
    [InlineData("65-23-6574\u00A0", "65-23-6574")]
    [InlineData("204\u201120422", "204-20422")]
    public void Given_a_code_typed_with_spaces_or_dashes_When_normalised_Then_the_registered_code(string typed, string expected) =>
        Assert.Equal(expected, BudgetLineCodes.Normalise(typed));

    [Theory]
    [InlineData("65-23-6574")]
    [InlineData("204-20422")]
    [InlineData("011-0-60632")]
    public void Given_an_M57_code_When_checked_Then_accepted(string code) => Assert.Null(BudgetLineCodes.Check(code, "budgetLine.code"));

    [Theory]
    [InlineData("65-23-6574 ")]
    [InlineData("65\u201323\u20136574")]
    [InlineData("6574")]
    [InlineData("65/23/6574")]
    [InlineData("A5-23-6574")]
    [InlineData("65-23-6574-1-2")]
    [InlineData("")]
    public void Given_a_code_that_is_not_M57_When_checked_Then_refused_naming_the_field(string code)
    {
        var refusal = BudgetLineCodes.Check(code, "budgetLine.code");

        Assert.NotNull(refusal);
        Assert.Equal("budgetLine.code", refusal.Code);
        Assert.Equal("budgetLine.code", refusal.Field);
    }

    [Fact]
    public void Given_a_request_with_a_trailing_space_in_its_code_When_submitted_unnormalised_Then_the_decider_refuses_it()
    {
        var request = Submit.Request with { BudgetLine = Submit.Request.BudgetLine with { Code = "65-23-6574 " } };

        var refusal = Given.Dossier([]).WhenRefused(Submit with { Request = request }, At(2022, 5, 3), "budgetLine.code");

        Assert.Equal("budgetLine.code", refusal.Field);
    }
}
