using Approvals.Application;
namespace Approvals.Finance.Tests;

public sealed class BudgetLineRulesTests
{
    private static readonly BudgetLineRecord Seed = new(2022, "65-23-6574", "Enseignement supérieur", 510_000m);

    [Fact]
    public void The_seed_line_is_valid() => Assert.Empty(BudgetLineRules.Check(Seed));

    [Theory]
    [InlineData("65-23-6574")]
    [InlineData("204-20422")]
    [InlineData("65-2-23-6574")]
    public void M57_codes_are_accepted(string code) => Assert.Empty(BudgetLineRules.Check(Seed with { Code = code }));

    [Theory]
    [InlineData("")]
    [InlineData("6574")]
    [InlineData("65/23/6574")]
    [InlineData("65-23-6574567")]
    [InlineData("65-23-6574-1-2")]
    [InlineData(" 65-23-6574")]
    public void Malformed_codes_are_refused_on_the_code_field(string code)
    {
        var refusal = Assert.Single(BudgetLineRules.Check(Seed with { Code = code }));
        Assert.Equal("code", refusal.Field);
        Assert.Contains("chapitre-fonction-article", refusal.Message);
    }

    [Fact]
    public void Every_fault_is_reported_at_once_with_its_field()
    {
        var refusals = BudgetLineRules.Check(new BudgetLineRecord(1999, "x", " ", -1m));
        Assert.Equal(["year", "code", "label", "voted"], refusals.Select(r => r.Field));
        Assert.All(refusals, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(-0.01)]
    [InlineData(1_000_000_000.01)]
    public void Voted_credits_are_positive_in_cents_and_bounded(decimal voted) =>
        Assert.Equal("voted", Assert.Single(BudgetLineRules.Check(Seed with { Voted = voted })).Field);

    [Fact]
    public void A_line_with_no_credits_yet_is_valid() => Assert.Empty(BudgetLineRules.Check(Seed with { Voted = 0m }));

    [Fact]
    public void A_label_longer_than_200_characters_is_refused() =>
        Assert.Equal("budgetLine.label-length", Assert.Single(BudgetLineRules.Check(Seed with { Label = new string('a', 201) })).Code);
}
