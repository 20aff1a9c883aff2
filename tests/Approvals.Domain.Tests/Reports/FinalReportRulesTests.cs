namespace Approvals.Domain.Tests;

using static SeedDossier;

/// <summary>The final report filed on the portal (CERFA n°15059 and the convention's indicators), through the agents' <c>ReceiveReport</c>.</summary>
public class FinalReportRulesTests
{
    private static readonly DateOnly Today = new(2023, 1, 20);

    private static DossierCommand.ReceiveReport Receive(FinalReport report) =>
        new(Today, report.Financial.RealisedCosts) { Report = report };

    [Fact]
    public void Given_a_payment_requested_When_a_balanced_report_with_every_indicator_is_received_Then_the_event_carries_it_and_settles_on_its_realised_costs()
    {
        var given = SeedReport.ThroughPaymentRequest();
        var report = SeedReport.Report;

        var received = Assert.IsType<DossierEvent.ReportReceived>(Assert.Single(given.When(Receive(report), At(2023, 1, 20))));

        Assert.Same(report, received.Report);
        // 3 000 + 6 500 + 1 450 + 4 100: the realised charges.
        Assert.Equal(15_050m, received.Settlement.RealEligibleCosts);
    }

    [Fact]
    public void Given_realised_charges_that_do_not_equal_realised_products_When_received_Then_refused_as_unbalanced_on_the_realised_column()
    {
        var report = SeedReport.Report with
        {
            Financial = SeedReport.Report.Financial with { Charges = [.. SeedReport.Report.Financial.Charges, new("63", 0m, 100m)] },
        };

        var refusal = SeedReport.ThroughPaymentRequest().WhenRefused(Receive(report), At(2023, 1, 20), "report.unbalanced");

        Assert.Equal("financial.realised", refusal.Field);
    }

    [Fact]
    public void Given_a_planned_column_other_than_the_request_budget_When_received_Then_refused_naming_the_planned_column()
    {
        var lines = SeedReport.Report.Financial.Charges.ToList();
        lines[1] = lines[1] with { Planned = 6_000m };
        var products = SeedReport.Report.Financial.Products.ToList();
        products[2] = products[2] with { Planned = 100m };
        var report = SeedReport.Report with { Financial = SeedReport.Report.Financial with { Charges = lines, Products = products } };

        var refusal = SeedReport.ThroughPaymentRequest().WhenRefused(Receive(report), At(2023, 1, 20), "report.plan-differs");

        Assert.Equal("financial.planned", refusal.Field);
    }

    [Fact]
    public void Given_a_significant_gap_without_explanation_a_missing_indicator_and_no_certification_When_received_Then_every_refusal_names_its_field()
    {
        var report = SeedReport.Report with
        {
            Financial = SeedReport.Report.Financial with { GapsExplanation = " " },
            Activity = SeedReport.Report.Activity with { Indicators = SeedReport.Report.Activity.Indicators.Skip(1).ToList() },
            Certified = false,
        };

        var result = Workflow.Decide(SeedReport.ThroughPaymentRequest().State, Receive(report), At(2023, 1, 20));

        Assert.False(result.IsOk);
        Assert.Equal(
            new[] { "activity.indicators[0].result", "financial.gapsExplanation", "report.certified" },
            result.Refusals.Select(r => r.Field ?? "").Order().ToArray());
    }

    [Fact]
    public void Given_an_unknown_account_a_negative_amount_and_a_grant_without_funder_When_received_Then_refused_line_by_line()
    {
        var report = SeedReport.Report with
        {
            Financial = SeedReport.Report.Financial with
            {
                Charges = [new("99", 15_790m, 15_050m), .. SeedReport.Report.Financial.Charges.Skip(1)],
                Products = [new("74", 15_790m, -1m)],
            },
        };

        var result = Workflow.Decide(SeedReport.ThroughPaymentRequest().State, Receive(report), At(2023, 1, 20));

        Assert.Contains(result.Refusals, r => r.Code == "report.account" && r.Field == "financial.charges[0].account");
        Assert.Contains(result.Refusals, r => r.Code == "report.funder" && r.Field == "financial.products[0].detail");
        Assert.Contains(result.Refusals, r => r.Code == "amount.negative" && r.Field == "financial.products[0].realised");
    }

    [Fact]
    public void Given_indirect_charges_When_received_without_their_allocation_rule_Then_refused()
    {
        var report = SeedReport.Report with
        {
            Financial = SeedReport.Report.Financial with
            {
                Charges = [.. SeedReport.Report.Financial.Charges.SkipLast(1), new("62", 4_300m, 3_900m), new(ReportAccounts.IndirectCharges, 0m, 200m)],
            },
        };

        var refusal = SeedReport.ThroughPaymentRequest().WhenRefused(Receive(report), At(2023, 1, 20), "text.required");

        Assert.Equal("financial.indirectChargesRule", refusal.Field);
    }

    [Fact]
    public void Given_a_notified_convention_without_payment_request_When_a_report_is_received_Then_refused_as_the_wrong_stage()
    {
        var result = Workflow.Decide(Given.Dossier(ThroughPayment.Take(6)).State, Receive(SeedReport.Report), At(2023, 1, 20));

        Assert.Equal(RefusalKind.WrongStage, Assert.Single(result.Refusals).Kind);
    }

    [Fact]
    public void Given_the_seed_without_its_own_report_date_When_checked_on_time_Then_accepted_until_six_months_after_the_financial_year_and_refused_the_day_after()
    {
        var state = SeedReport.ThroughPaymentRequest().State;

        // Law n°2000-321, art. 10: six months after the end of the 2022 financial year, 30 June 2023 (a Friday).
        Assert.Null(FinalReportRules.OnTime(state, new DateOnly(2023, 6, 30)));
        var late = FinalReportRules.OnTime(state, new DateOnly(2023, 7, 1));

        Assert.Equal(("report.past-due", "report"), (late?.Code, late?.Field));
        Assert.Contains("30/06/2023", late!.Message, StringComparison.Ordinal);
    }
}
