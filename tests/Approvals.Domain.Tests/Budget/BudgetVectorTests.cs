using System.Text.Json;

namespace Approvals.Domain.Tests;

/// <summary>Issue 17 item 6: BudgetRules.CheckRequest against tests/vectors/budgets.json, read by budgetrules.test.mjs too.</summary>
public class BudgetVectorTests
{
    private static readonly JsonElement Vectors = SharedVectors.Load("budgets.json");

    public static TheoryData<int> Budgets => SharedVectors.Indexes("budgets.json", "budgets");

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Given_a_provisional_budget_When_checked_Then_the_refusals_are_the_vectors(int index)
    {
        var vector = Vectors.GetProperty("budgets")[index];
        var budget = vector.GetProperty("budget").Deserialize<ProvisionalBudget>(SharedVectors.Json)!;

        var refusals = BudgetRules.CheckRequest(budget, vector.GetProperty("amountRequested").GetDecimal());

        Assert.Equal(
            vector.GetProperty("expected").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("field").GetString())),
            refusals.Select(r => ((string?)r.Code, r.Field)));
    }
}
