namespace Approvals.Domain.Tests;

public class BudgetRulesMoneyTests
{
    [Fact]
    public void Seed_grant_rate_is_57_percent()
    {
        var rate = BudgetRules.GrantRate(SeedBudget.AmountRequested, SeedBudget.Total);

        Assert.Equal(0.57m, Math.Round(rate, 2));
        // Exact to decimal precision: 0.569981000633312… × 15 790 gives back 9 000.
        Assert.InRange(rate, 0.5699810006333122m, 0.5699810006333123m);
        Assert.Equal(9_000m, Math.Round(rate * SeedBudget.Total, 20));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Grant_rate_of_an_empty_budget_is_a_programming_error(int total) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetRules.GrantRate(9_000m, total));

    [Fact]
    public void Enough_credits_pass()
    {
        Assert.Null(BudgetRules.CheckCredits(9_000m, SeedBudget.BudgetLineAmount, SeedBudget.BudgetLine));
        Assert.Null(BudgetRules.CheckCredits(9_000m, 9_000m, SeedBudget.BudgetLine));
    }

    [Fact]
    public void Insufficient_credits_are_refused_with_the_figures()
    {
        var refusal = BudgetRules.CheckCredits(9_000m, 8_000.50m, SeedBudget.BudgetLine);

        Assert.NotNull(refusal);
        Assert.Equal("budget.credits-insufficient", refusal.Code);
        Assert.Equal("amountVoted", refusal.Field);
        Assert.Equal(
            "Crédits insuffisants sur la ligne « BP 2022 et PPIF 2022-2026 — Enseignement supérieur » : 9\u202F000,00\u00A0€ à engager, "
            + "8\u202F000,50\u00A0€ disponibles (il manque 999,50\u00A0€).",
            refusal.Message);
    }

    [Theory]
    [InlineData("9000", "0")]
    [InlineData("4000", "5000")]
    [InlineData("0.01", "8999.99")]
    public void Payments_up_to_the_voted_amount_pass(string payment, string alreadyPaid) =>
        Assert.Null(BudgetRules.CheckPaymentCeiling(Dec(payment), Dec(alreadyPaid), 9_000m, "payment.amount"));

    [Fact]
    public void A_payment_above_the_voted_amount_is_refused()
    {
        var refusal = BudgetRules.CheckPaymentCeiling(5_000m, 4_000.01m, 9_000m, "payment.amount");

        Assert.NotNull(refusal);
        Assert.Equal("payment.ceiling", refusal.Code);
        Assert.Equal("payment.amount", refusal.Field);
        Assert.Equal("Plafond non révisable à la hausse", refusal.Rule);
        Assert.Equal(
            "Le versement de 5\u202F000,00\u00A0€ porterait le total versé à 9\u202F000,01\u00A0€, au-delà des 9\u202F000,00\u00A0€ votés "
            + "(plafond non révisable à la hausse) ; reste à verser : 4\u202F999,99\u00A0€.",
            refusal.Message);
    }

    [Fact]
    public void Real_costs_short_of_the_budget_limit_the_grant_to_its_rate()
    {
        var rate = BudgetRules.GrantRate(SeedBudget.AmountRequested, SeedBudget.Total);

        var settlement = BudgetRules.Settle(9_000m, rate, 12_000m, paid: 9_000m);

        // 9 000 × 12 000 / 15 790 = 6 839.772007… → 6 839.77 € entitled; 9 000 − 6 839.77 = 2 160.23 € to recover.
        Assert.Equal(6_839.77m, settlement.Entitled);
        Assert.Equal(2_160.23m, settlement.Recovery);
        Assert.Equal(12_000m, settlement.RealEligibleCosts);
        Assert.Equal(9_000m, settlement.Paid);
        Assert.Equal(rate, settlement.Rate);
    }

    [Fact]
    public void Real_costs_above_the_budget_never_raise_the_grant()
    {
        var settlement = BudgetRules.Settle(9_000m, BudgetRules.GrantRate(9_000m, 15_790m), 20_000m, paid: 9_000m);

        Assert.Equal(9_000m, settlement.Entitled);
        Assert.Equal(0m, settlement.Recovery);
    }

    [Fact]
    public void Settlement_rounds_half_cents_away_from_zero()
    {
        // 0.5 × 0.05 = 0.025 → 0.03 (banker's rounding would give 0.02).
        Assert.Equal(0.03m, BudgetRules.Settle(100m, 0.5m, 0.05m, 0m).Entitled);
    }

    [Fact]
    public void Nothing_paid_means_nothing_to_recover()
    {
        var settlement = BudgetRules.Settle(9_000m, 0.57m, 0m, 0m);

        Assert.Equal(0m, settlement.Entitled);
        Assert.Equal(0m, settlement.Recovery);
    }

    [Fact]
    public void Negative_figures_in_a_settlement_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetRules.Settle(9_000m, 0.57m, -1m, 9_000m));

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
