namespace Approvals.Domain.Tests;

using static DossierCommand;
using static SeedDossier;

/// <summary>Items 12–13 of issue 13: recovery after a lapse or a closure (seed art. 4, 6, 7), termination without notice (art. 8).</summary>
public class RecoveryAndTerminationTests
{
    [Fact]
    public void Given_a_grant_paid_at_signature_When_no_payment_request_comes_within_two_months_Then_it_lapses_and_a_repayment_can_be_ordered()
    {
        // Art. 3: 100 % at signature, paid once the act is enforceable (notified 30 June 2022); art. 4: without a payment
        // request by 30 August 2022 the grant "sera réputée caduque et pourra donner lieu à un remboursement".
        var given = Given.SeedThrough(6)
            .Apply(Payment with { PaidOn = new DateOnly(2022, 7, 5) }, At(2022, 7, 5, 15))
            .Apply(new DeadlineReached(DeadlineIds.PaymentWindow), At(2022, 8, 31, 2));
        Assert.Equal(DossierStage.Lapsed, given.State.Stage);
        Assert.Contains(nameof(OrderRecovery), Workflow.AllowedCommands(given.State));

        given.Apply(new OrderRecovery(new DateOnly(2022, 9, 5), RecoveryReason.ObligationsBreached, 9_000m), At(2022, 9, 5, 15));

        Assert.Equal(DossierStage.RecoveryOrdered, given.State.Stage);
        Assert.Equal(9_000m, given.State.AmountRecovered);
        Assert.Equal(0m, given.State.CreditsCommitted);
    }

    [Fact]
    public void Given_a_lapsed_grant_never_paid_Then_no_repayment_is_offered_and_one_is_refused()
    {
        var given = Given.SeedThrough(6).Apply(new DeadlineReached(DeadlineIds.PaymentWindow), At(2022, 8, 31, 2));

        Assert.DoesNotContain(nameof(OrderRecovery), Workflow.AllowedCommands(given.State));
        given.WhenRefused(new OrderRecovery(new DateOnly(2022, 9, 5), RecoveryReason.ObligationsBreached, 1_000m), At(2022, 9, 5, 15), "recovery.above-paid");
    }

    [Fact]
    public void Given_a_closed_dossier_When_a_later_control_finds_another_use_Then_a_recovery_can_be_ordered()
    {
        // Art. 6: controls "avant et après le versement de l'aide"; art. 7: reversement for another use.
        var given = Given.SeedThrough(8)
            .Apply(Report(15_790m), At(2023, 1, 21))
            .Apply(Acceptance, At(2023, 2, 10));
        Assert.Contains(nameof(OrderRecovery), Workflow.AllowedCommands(given.State));

        given.WhenRefused(new OrderRecovery(new DateOnly(2023, 2, 1), RecoveryReason.OtherUse, 3_000m), At(2023, 3, 1), "date.backwards");
        given.Apply(new OrderRecovery(new DateOnly(2023, 3, 1), RecoveryReason.OtherUse, 3_000m), At(2023, 3, 1, 15));

        Assert.Equal(DossierStage.RecoveryOrdered, given.State.Stage);
        Assert.Equal(3_000m, given.State.AmountRecovered);
        Assert.Equal(6_000m, given.State.CreditsCommitted);
    }

    [Fact]
    public void Given_a_running_convention_When_false_declarations_are_found_Then_it_is_terminated_at_once_and_the_unpaid_rest_released()
    {
        var given = Given.SeedThrough(6)
            .Apply(new TerminateForFalseDeclarations(new DateOnly(2022, 7, 10), "Budget prévisionnel falsifié"), At(2022, 7, 10, 15));

        Assert.Equal(DossierStage.Terminated, given.State.Stage);
        Assert.Equal(new DateOnly(2022, 7, 10), given.State.EndedOn);
        Assert.Equal(0m, given.State.CreditsCommitted);
        Assert.IsType<DossierEvent.TerminatedWithoutNotice>(given.Events[^2]);
    }

    [Fact]
    public void Given_termination_without_notice_When_the_grounds_are_missing_Then_refused()
    {
        var refusal = Given.SeedThrough(6).WhenRefused(new TerminateForFalseDeclarations(new DateOnly(2022, 7, 10), " "), At(2022, 7, 10, 15), "text.required");

        Assert.Equal("grounds", refusal.Field);
    }

    [Fact]
    public void Given_an_ordinary_breach_When_terminated_without_a_formal_notice_Then_refused_as_out_of_order()
    {
        Given.SeedThrough(6).WhenRefused(new Terminate(new DateOnly(2022, 7, 10)), At(2022, 7, 10, 15), "stage.wrong");
    }
}
