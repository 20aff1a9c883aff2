using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approvals.Domain.Tests;

public class BudgetRulesProperties
{
    public sealed record Case(decimal Voted, decimal Rate, decimal RealCosts, decimal Paid);

    /// <summary>Amounts in cents up to 10 million euros; a rate from a grant within its budget; payments within the voted amount.</summary>
    private static readonly Gen<Case> Cases =
        from budgetCents in Gen.Choose(1, 1_000_000_000)
        from grantCents in Gen.Choose(0, budgetCents)
        from costsCents in Gen.Choose(0, 1_000_000_000)
        from paidCents in Gen.Choose(0, grantCents)
        select new Case(grantCents / 100m, BudgetRules.GrantRate(grantCents / 100m, budgetCents / 100m), costsCents / 100m, paidCents / 100m);

    [Property(MaxTest = 500)]
    public Property Entitled_stays_between_zero_and_the_voted_amount() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var settlement = BudgetRules.Settle(c.Voted, c.Rate, c.RealCosts, c.Paid);
            return settlement.Entitled >= 0m
                && settlement.Entitled <= c.Voted
                && decimal.Round(settlement.Entitled, 2) == settlement.Entitled;
        });

    [Property(MaxTest = 500)]
    public Property Recovery_is_never_negative_and_makes_up_what_was_overpaid() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var settlement = BudgetRules.Settle(c.Voted, c.Rate, c.RealCosts, c.Paid);
            return settlement.Recovery >= 0m
                && (settlement.Recovery == 0m ? settlement.Paid <= settlement.Entitled : settlement.Entitled + settlement.Recovery >= c.Paid)
                && settlement.Recovery <= c.Paid;
        });

    [Property(MaxTest = 500)]
    public Property Higher_real_costs_never_lower_the_entitlement() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(0, 100_000_000).ToArbitrary(), (c, extraCents) =>
            BudgetRules.Settle(c.Voted, c.Rate, c.RealCosts + extraCents / 100m, c.Paid).Entitled
                >= BudgetRules.Settle(c.Voted, c.Rate, c.RealCosts, c.Paid).Entitled);

    /// <summary>
    /// Issue 17 item 8: the ceiling at its edges, without restating the rule's comparison. Paying what remains of the
    /// voted amount is accepted; one cent more is refused, and the refusal names the field; paying it in two parts is
    /// accepted part by part.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property The_remainder_of_the_voted_amount_can_be_paid_and_not_a_cent_more() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var remainder = c.Voted - c.Paid;
            var overpaid = BudgetRules.CheckPaymentCeiling(remainder + 0.01m, c.Paid, c.Voted, "payment.amount");
            var half = decimal.Round(remainder / 2, 2, MidpointRounding.ToZero);
            return (remainder == 0m || BudgetRules.CheckPaymentCeiling(remainder, c.Paid, c.Voted, "payment.amount") is null)
                && overpaid is { Code: "payment.ceiling", Field: "payment.amount" }
                && (half == 0m || (BudgetRules.CheckPaymentCeiling(half, c.Paid, c.Voted, "payment.amount") is null
                    && BudgetRules.CheckPaymentCeiling(remainder - half, c.Paid + half, c.Voted, "payment.amount") is null));
        });
}
