namespace Approvals.Domain;

/// <summary>The money rules: balanced budget, amount requested, grant rate, credits, settlement and recovery.</summary>
public static class BudgetRules
{
    /// <summary>The budget balances, its amounts are valid, and the amount requested equals this authority's revenue line. Fields are named under <paramref name="fieldPrefix"/> (e.g. "budget.expenses[2].amount").</summary>
    public static IReadOnlyList<Refusal> CheckRequest(ProvisionalBudget budget, decimal amountRequested, string fieldPrefix = "budget") =>
        throw new NotImplementedException();

    /// <summary>Grant / total budget, exact (not rounded). 9 000 / 15 790 ≈ 0.5700.</summary>
    public static decimal GrantRate(decimal grant, decimal budgetTotal) => throw new NotImplementedException();

    /// <summary>Refusal when committing <paramref name="amount"/> would exceed the budget line's <paramref name="available"/> credits.</summary>
    public static Refusal? CheckCredits(decimal amount, decimal available, string budgetLine) => throw new NotImplementedException();

    /// <summary>Refusal when recording <paramref name="payment"/> would bring payments above the voted amount (plafond non révisable à la hausse).</summary>
    public static Refusal? CheckPaymentCeiling(decimal payment, decimal alreadyPaid, decimal voted, string field) =>
        throw new NotImplementedException();

    /// <summary>Pro-rata rule: entitled = min(voted, rate × real eligible costs), rounded to the cent; recovery = paid − entitled when positive.</summary>
    public static Settlement Settle(decimal voted, decimal rate, decimal realEligibleCosts, decimal paid) =>
        throw new NotImplementedException();
}
