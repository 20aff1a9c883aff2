namespace Approvals.Domain.Tests;

using static DossierCommand;
using static SeedDossier;

/// <summary>Item 11 of issue 13: the payment terms drive what may be asked for and paid, and when.</summary>
public class PaymentTermsTests
{
    private static SubmitRequest WithTerms(params Instalment[] terms) => Submit with { Request = Request with { PaymentTerms = terms } };

    private static Given ThroughNotification(SubmitRequest submit) =>
        Given.Dossier([(submit, At(2022, 5, 3)), .. ThroughPayment.Skip(1).Take(5)]);

    [Fact]
    public void Given_the_seed_terms_100_percent_at_signature_Then_the_whole_grant_is_due_on_signature_and_paid_on_29_July_2022()
    {
        var voted = PaymentSchedule.Of(Given.SeedThrough(2).State);
        Assert.Equal(InstalmentStatus.Expected, Assert.Single(voted).Status);

        var signed = Assert.Single(PaymentSchedule.Of(Given.SeedThrough(5).State));
        Assert.Equal((9_000m, InstalmentTrigger.AtSignature, new DateOnly(2022, 6, 29), InstalmentStatus.Due), (signed.Amount, signed.Trigger, signed.DueOn, signed.Status));

        Assert.Equal(InstalmentStatus.Paid, Assert.Single(PaymentSchedule.Of(Given.SeedThrough(8).State)).Status);
    }

    [Fact]
    public void Given_the_seed_terms_When_no_payment_is_requested_within_two_months_of_notification_Then_the_grant_lapses()
    {
        // Art. 3 makes the grant due at signature, art. 4 still asks for the payment request within two months of notification.
        var given = Given.SeedThrough(6);

        given.WhenRefused(PaymentRequest with { ReceivedOn = new DateOnly(2022, 8, 31) }, At(2022, 8, 31, 12), "payment.window-closed");
        Assert.Contains(given.When(new DeadlineReached(DeadlineIds.PaymentWindow), At(2022, 8, 31, 2)), e => e is DossierEvent.Lapsed);
    }

    [Fact]
    public void Given_an_advance_and_a_balance_on_the_final_report_When_the_whole_grant_is_asked_for_Then_only_the_advance_may_be()
    {
        var given = ThroughNotification(WithTerms(
            new Instalment("Avance de 30 % à la signature", 30m, InstalmentTrigger.AtSignature),
            new Instalment("Solde au compte rendu financier", 70m, InstalmentTrigger.OnFinalReport)));

        var refusal = given.WhenRefused(PaymentRequest, At(2022, 7, 16), "payment.request-above-grant");
        Assert.Contains("2 700,00", refusal.Message.Replace('\u202f', ' ').Replace('\u00a0', ' '));

        given.Apply(PaymentRequest with { Amount = 2_700m }, At(2022, 7, 16))
            .Apply(Payment with { Amount = 2_700m }, At(2022, 7, 30));
        given.WhenRefused(Payment with { Amount = 6_300m, Reference = "MANDAT-SOLDE", PaidOn = new DateOnly(2022, 8, 1) }, At(2022, 8, 1), "payment.not-due");

        given.Apply(Report(15_790m), At(2023, 1, 21));
        var schedule = PaymentSchedule.Of(given.State);
        Assert.Equal([InstalmentStatus.Paid, InstalmentStatus.Due], schedule.Select(i => i.Status));
        Assert.Equal(new DateOnly(2023, 1, 20), schedule[1].DueOn);
        given.Apply(Payment with { Amount = 6_300m, Reference = "MANDAT-SOLDE", PaidOn = new DateOnly(2023, 1, 25) }, At(2023, 1, 25));
        Assert.Equal(9_000m, given.State.AmountPaid);
    }

    [Fact]
    public void Given_instalments_on_request_and_on_progress_Then_each_is_due_when_the_requests_reach_it()
    {
        var given = ThroughNotification(WithTerms(
            new Instalment("Premier acompte sur demande", 50m, InstalmentTrigger.OnPaymentRequest),
            new Instalment("Second acompte sur état d'avancement", 50m, InstalmentTrigger.OnProgress)))
            .Apply(PaymentRequest with { Amount = 4_500m }, At(2022, 7, 16));

        Assert.Equal([InstalmentStatus.Due, InstalmentStatus.Expected], PaymentSchedule.Of(given.State).Select(i => i.Status));

        given.Apply(PaymentRequest with { ReceivedOn = new DateOnly(2022, 10, 3), Amount = 4_500m }, At(2022, 10, 3, 15));
        var schedule = PaymentSchedule.Of(given.State);
        Assert.Equal([new DateOnly(2022, 7, 15), new DateOnly(2022, 10, 3)], schedule.Select(i => i.DueOn));
    }

    [Fact]
    public void Given_thirds_of_a_grant_Then_the_instalments_sum_to_the_cent()
    {
        var given = Given.Dossier([(WithTerms(
            new Instalment("Un tiers", 33.33m, InstalmentTrigger.AtSignature),
            new Instalment("Un tiers", 33.33m, InstalmentTrigger.OnPaymentRequest),
            new Instalment("Solde", 33.34m, InstalmentTrigger.OnFinalReport)), At(2022, 5, 3))]);

        Assert.Equal([2_999.70m, 2_999.70m, 3_000.60m], PaymentSchedule.Of(given.State).Select(i => i.Amount));
    }
}
