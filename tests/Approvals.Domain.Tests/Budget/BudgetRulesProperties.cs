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

    [Property(MaxTest = 300)]
    public Property A_payment_is_refused_exactly_when_it_passes_the_ceiling() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(1, 1_000_000_000).ToArbitrary(), (c, paymentCents) =>
        {
            var payment = paymentCents / 100m;
            var refusal = BudgetRules.CheckPaymentCeiling(payment, c.Paid, c.Voted, "payment.amount");
            return (refusal is not null) == (c.Paid + payment > c.Voted);
        });
}
