namespace Approvals.Domain.Tests;

public class BudgetRulesRequestTests
{
    private static readonly ProvisionalBudget Seed = SeedBudget.Budget;

    [Fact]
    public void Seed_budget_balances_and_the_amount_requested_matches_our_line()
    {
        Assert.Equal(15_790m, Seed.TotalExpenses);
        Assert.Equal(15_790m, Seed.TotalRevenues);
        Assert.Empty(BudgetRules.CheckRequest(Seed, SeedBudget.AmountRequested));
    }

    [Fact]
    public void Unbalanced_budget_is_refused_with_both_totals_in_euros()
    {
        var budget = Seed with { Revenues = [Seed.Revenues[0], Seed.Revenues[1], Seed.Revenues[2] with { Amount = 900m }] };

        var refusal = Assert.Single(BudgetRules.CheckRequest(budget, SeedBudget.AmountRequested));

        Assert.Equal("budget.unbalanced", refusal.Code);
        Assert.Equal("budget", refusal.Field);
        Assert.Equal(RefusalKind.InvalidData, refusal.Kind);
        Assert.Equal(
            "Le budget prévisionnel n'est pas équilibré : dépenses 15\u202F790,00\u00A0€ ≠ recettes 15\u202F690,00\u00A0€.",
            refusal.Message);
    }

    [Fact]
    public void A_budget_without_expense_or_revenue_lines_is_refused()
    {
        var refusals = BudgetRules.CheckRequest(new ProvisionalBudget([], []), 9_000m);

        Assert.Contains(refusals, r => r.Code == "budget.no-expense" && r.Field == "budget.expenses");
        Assert.Contains(refusals, r => r.Code == "budget.no-revenue" && r.Field == "budget.revenues");
        Assert.Contains(refusals, r => r.Code == "budget.authority-line");
        Assert.DoesNotContain(refusals, r => r.Code == "budget.unbalanced");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-618")]
    [InlineData("618.001")]
    [InlineData("1000000000.01")]
    public void A_line_amount_not_positive_in_cents_is_refused(string amount)
    {
        var budget = Seed with { Expenses = [Seed.Expenses[0], Seed.Expenses[1] with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }, .. Seed.Expenses.Skip(2)] };

        var refusal = Assert.Single(BudgetRules.CheckRequest(budget, SeedBudget.AmountRequested));

        Assert.Equal("budget.amount", refusal.Code);
        Assert.Equal("budget.expenses[1].amount", refusal.Field);
        Assert.Contains("la dépense n°2", refusal.Message);
    }

    [Fact]
    public void A_revenue_amount_with_three_decimals_is_refused_on_its_field()
    {
        var budget = Seed with { Revenues = [Seed.Revenues[0] with { Amount = 5_790.005m }, .. Seed.Revenues.Skip(1)] };

        var refusal = Assert.Single(BudgetRules.CheckRequest(budget, SeedBudget.AmountRequested));

        Assert.Equal("budget.revenues[0].amount", refusal.Field);
    }

    [Fact]
    public void Blank_labels_are_refused_on_their_fields()
    {
        var budget = new ProvisionalBudget(
            [Seed.Expenses[0] with { Label = " " }, .. Seed.Expenses.Skip(1)],
            [.. Seed.Revenues.Take(2), Seed.Revenues[2] with { Funder = "" }]);

        var refusals = BudgetRules.CheckRequest(budget, SeedBudget.AmountRequested);

        Assert.Equal(["budget.expenses[0].label", "budget.revenues[2].funder"], refusals.Select(r => r.Field));
        Assert.All(refusals, r => Assert.Equal("budget.label", r.Code));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Exactly_one_revenue_line_is_ours(bool two)
    {
        var budget = Seed with { Revenues = [.. Seed.Revenues.Select(r => r with { FromThisAuthority = two && r.Amount != 1_000m })] };

        var refusal = Assert.Single(BudgetRules.CheckRequest(budget, SeedBudget.AmountRequested));

        Assert.Equal("budget.authority-line", refusal.Code);
        Assert.Equal("budget.revenues", refusal.Field);
        Assert.Contains(two ? "(2 indiquée(s))" : "(0 indiquée(s))", refusal.Message);
    }

    [Fact]
    public void An_amount_requested_other_than_our_line_is_refused()
    {
        var refusal = Assert.Single(BudgetRules.CheckRequest(Seed, 8_000m));

        Assert.Equal("budget.requested-mismatch", refusal.Code);
        Assert.Equal("amountRequested", refusal.Field);
        Assert.Contains("8\u202F000,00\u00A0€", refusal.Message);
        Assert.Contains("« Grand Besançon Métropole » : 9\u202F000,00\u00A0€", refusal.Message);
    }

    [Fact]
    public void Every_fault_is_reported_at_once_under_the_given_prefix()
    {
        var budget = new ProvisionalBudget(
            [new ExpenseLine("", 100m), new ExpenseLine("Achats", -5m)],
            [new RevenueLine("Grand Besançon Métropole", 100m, FromThisAuthority: true)]);

        var refusals = BudgetRules.CheckRequest(budget, 50m, "request.budget");

        Assert.Equal(
            ["request.budget.expenses[0].label", "request.budget.expenses[1].amount", "amountRequested"],
            refusals.Select(r => r.Field));
    }
}
