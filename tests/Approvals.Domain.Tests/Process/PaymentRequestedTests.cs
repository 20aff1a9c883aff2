namespace Approvals.Domain.Tests;

using static DossierCommand;
using static DossierEvent;
using static SeedDossier;

/// <summary>[hardening] 3: a payment settles the payment requests received; it never pays more than was requested.</summary>
public class PaymentRequestedTests
{
    private static readonly RequestPayment FirstInstalment = new(new DateOnly(2022, 7, 15), 5_000m);

    [Fact]
    public void Given_a_request_of_5000_When_6000_are_paid_Then_refused_naming_the_amount()
    {
        var given = Given.SeedThrough(6).Apply(FirstInstalment, At(2022, 7, 16));

        var refusal = given.WhenRefused(new RecordPayment(new DateOnly(2022, 7, 29), 6_000m, "MANDAT-1"), At(2022, 7, 30), "payment.above-request");

        Assert.Equal("amount", refusal.Field);
        Assert.Contains("5\u202F000,00\u00A0€ demandés", refusal.Message);
        Assert.Contains("reste à verser sur les demandes reçues : 5\u202F000,00\u00A0€", refusal.Message);
    }

    [Fact]
    public void Given_a_request_of_5000_When_paid_in_two_parts_up_to_5000_Then_accepted_and_one_more_euro_refused()
    {
        var given = Given.SeedThrough(6)
            .Apply(FirstInstalment, At(2022, 7, 16))
            .Apply(new RecordPayment(new DateOnly(2022, 7, 29), 3_000m, "MANDAT-1"), At(2022, 7, 30))
            .Apply(new RecordPayment(new DateOnly(2022, 8, 5), 2_000m, "MANDAT-2"), At(2022, 8, 6));

        Assert.Equal(5_000m, given.State.AmountPaid);
        given.WhenRefused(new RecordPayment(new DateOnly(2022, 8, 8), 0.01m, "MANDAT-3"), At(2022, 8, 9), "payment.above-request");
    }

    [Fact]
    public void Given_5000_paid_on_a_first_request_When_a_second_request_of_4000_comes_Then_4000_more_may_be_paid()
    {
        var given = Given.SeedThrough(6)
            .Apply(FirstInstalment, At(2022, 7, 16))
            .Apply(new RecordPayment(new DateOnly(2022, 7, 29), 5_000m, "MANDAT-1"), At(2022, 7, 30))
            .Apply(new RequestPayment(new DateOnly(2022, 9, 1), 4_000m), At(2022, 9, 2));

        var events = given.When(new RecordPayment(new DateOnly(2022, 9, 10), 4_000m, "MANDAT-2"), At(2022, 9, 11));

        Assert.Equal(4_000m, Assert.IsType<PaymentRecorded>(Assert.Single(events)).Amount);
    }
}
