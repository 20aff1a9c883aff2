namespace Approvals.Domain.Tests;

using static DossierCommand;
using static DossierEvent;
using static SeedDossier;

/// <summary>Items 5–7 of issue 13: the déféré and the judge's suspension, the prefect's two-month window, enforceability.</summary>
public class LegalityControlTests
{
    [Fact]
    public void Given_the_seed_act_received_on_21_June_2022_Then_the_prefect_may_refer_it_until_22_August_2022()
    {
        // Two months franc from Tuesday 21 June 2022: Sunday 21 August does not count, so Monday 22 August.
        var state = Given.SeedThrough(4).State;

        Assert.Equal(new DateOnly(2022, 8, 22), LegalityControl.ReferralWindowLastDay(state));
        var deadline = Assert.Single(Workflow.Deadlines(state), d => d.Kind == DeadlineKind.ReferralWindow);
        Assert.Equal(new DateOnly(2022, 8, 22), deadline.Day);
    }

    [Fact]
    public void Given_the_window_runs_out_without_referral_When_the_clock_reaches_it_Then_the_act_is_safe_from_a_referral_the_next_day()
    {
        var given = Given.SeedThrough(8);

        given.WhenRefused(new DeadlineReached(DeadlineIds.ReferralWindow), At(2022, 8, 22, 23), "deadline.not-due");
        var closed = Assert.IsType<ReferralWindowClosed>(Assert.Single(given.When(new DeadlineReached(DeadlineIds.ReferralWindow), At(2022, 8, 23, 1))));
        given.Apply(new DeadlineReached(DeadlineIds.ReferralWindow), At(2022, 8, 23, 1));

        Assert.Equal(new DateOnly(2022, 8, 22), closed.LastDay);
        Assert.Equal(new DateOnly(2022, 8, 23), given.State.Receipt?.SafeFromReferralSince);
        Assert.DoesNotContain(Workflow.Deadlines(given.State), d => d.Kind == DeadlineKind.ReferralWindow);
    }

    [Fact]
    public void Given_a_request_for_additional_documents_Then_the_window_waits_for_them_and_runs_two_months_from_their_receipt()
    {
        var given = Given.SeedThrough(4)
            .Apply(new RecordPrefectureLetter(new DateOnly(2022, 7, 1), PrefectureLetterKind.AdditionalDocumentsRequest, "Budget détaillé demandé"), At(2022, 7, 1, 15));
        Assert.Null(LegalityControl.ReferralWindowLastDay(given.State));

        given.Apply(new SendAdditionalDocuments(new DateOnly(2022, 7, 4), new DateOnly(2022, 7, 5)), At(2022, 7, 5, 15));

        // 5 July + 2 months = 5 September, franc: 6 September 2022 (a Tuesday).
        Assert.Equal(new DateOnly(2022, 9, 6), LegalityControl.ReferralWindowLastDay(given.State));
    }

    [Fact]
    public void Given_a_recours_gracieux_Then_the_window_runs_again_from_the_answer_or_from_the_implicit_rejection()
    {
        var given = Given.SeedThrough(4)
            .Apply(new RecordPrefectureLetter(new DateOnly(2022, 8, 10), PrefectureLetterKind.Observations, "Retrait demandé"), At(2022, 8, 10, 15));

        // No answer: rejected implicitly on 10 October 2022; 10 December + 1 = Sunday 11 December → Monday 12 December 2022.
        Assert.Equal(new DateOnly(2022, 12, 12), LegalityControl.ReferralWindowLastDay(given.State));

        given.Apply(new AnswerObservations(new DateOnly(2022, 9, 1), "La délibération est maintenue"), At(2022, 9, 1, 15));

        // 1 September + 2 months = 1 November (a holiday), franc: 2 November 2022.
        Assert.Equal(new DateOnly(2022, 11, 2), LegalityControl.ReferralWindowLastDay(given.State));
    }

    [Fact]
    public void Given_a_letter_of_observations_after_the_window_Then_it_extends_nothing()
    {
        var given = Given.SeedThrough(8)
            .Apply(new RecordPrefectureLetter(new DateOnly(2022, 8, 25), PrefectureLetterKind.Observations, "Observations tardives"), At(2022, 8, 25, 15));

        Assert.Equal(new DateOnly(2022, 8, 22), LegalityControl.ReferralWindowLastDay(given.State));
    }

    [Fact]
    public void Given_a_signed_convention_When_the_prefect_refers_the_act_Then_nothing_is_suspended_and_notification_goes_on()
    {
        var given = Given.SeedThrough(5)
            .Apply(new RecordCourtReferral(new DateOnly(2022, 7, 1), SuspensionRequested: false, "Déféré préfectoral"), At(2022, 7, 1, 15));

        Assert.Equal(DossierStage.Signed, given.State.Stage);
        Assert.True(given.State.ReferralPending);
        Assert.DoesNotContain(Workflow.Deadlines(given.State), d => d.Kind == DeadlineKind.ReferralWindow);
        given.Apply(Notification with { NotifiedOn = new DateOnly(2022, 7, 2) }, At(2022, 7, 2, 15));
        Assert.Equal(DossierStage.Notified, given.State.Stage);
    }

    [Fact]
    public void Given_a_referral_with_a_request_for_suspension_When_the_judge_suspends_Then_the_dossier_stops_until_the_suspension_is_lifted()
    {
        var given = Given.SeedThrough(5)
            .Apply(new RecordCourtReferral(new DateOnly(2022, 7, 1), SuspensionRequested: true, "Déféré-suspension"), At(2022, 7, 1, 15))
            .Apply(new RecordSuspensionOrder(new DateOnly(2022, 7, 8), "Suspension ordonnée"), At(2022, 7, 8, 15));

        Assert.Equal(DossierStage.Suspended, given.State.Stage);
        given.WhenRefused(Notification with { NotifiedOn = new DateOnly(2022, 7, 9) }, At(2022, 7, 9, 15), "stage.wrong");

        given.Apply(new LiftSuspension(new DateOnly(2022, 8, 1), "Ordonnance annulée en appel"), At(2022, 8, 1, 15));
        Assert.Equal(DossierStage.Signed, given.State.Stage);
        Assert.True(given.State.ReferralPending);
    }

    [Fact]
    public void Given_no_referral_When_a_suspension_is_recorded_Then_refused()
    {
        var refusal = Given.SeedThrough(5).WhenRefused(new RecordSuspensionOrder(new DateOnly(2022, 7, 8), "Suspension"), At(2022, 7, 8, 15), "referral.none");

        Assert.Equal(RefusalKind.WrongStage, refusal.Kind);
        Assert.DoesNotContain(nameof(RecordSuspensionOrder), Workflow.AllowedCommands(Given.SeedThrough(5).State));
    }

    [Fact]
    public void Given_a_referral_When_recorded_as_a_letter_Then_refused_towards_its_own_action()
    {
        Given.SeedThrough(5).WhenRefused(new RecordPrefectureLetter(new DateOnly(2022, 7, 1), PrefectureLetterKind.CourtReferral, "Déféré"), At(2022, 7, 1, 15),
            "prefecture.referral-is-not-a-letter");
    }

    [Fact]
    public void Given_a_paid_grant_under_suspension_When_the_court_annuls_Then_the_grant_ends_the_rest_is_released_and_the_payment_is_recoverable()
    {
        var given = Given.SeedThrough(8)
            .Apply(new RecordCourtReferral(new DateOnly(2022, 8, 1), true, "Déféré-suspension"), At(2022, 8, 1, 15))
            .Apply(new RecordSuspensionOrder(new DateOnly(2022, 8, 5), "Suspension"), At(2022, 8, 5, 15))
            .Apply(new RecordCourtDecision(new DateOnly(2022, 11, 3), Annulled: true, "Délibération annulée"), At(2022, 11, 3, 15));

        Assert.Equal(DossierStage.Annulled, given.State.Stage);
        Assert.Equal(new DateOnly(2022, 11, 3), given.State.EndedOn);
        Assert.Equal(9_000m, given.State.CreditsCommitted); // paid: committed until recovered
        Assert.Contains(nameof(OrderRecovery), Workflow.AllowedCommands(given.State));

        given.Apply(new OrderRecovery(new DateOnly(2022, 11, 10), RecoveryReason.OtherUse, 9_000m), At(2022, 11, 10, 15));
        Assert.Equal(DossierStage.RecoveryOrdered, given.State.Stage);
        Assert.Equal(0m, given.State.CreditsCommitted);
    }

    [Fact]
    public void Given_an_unpaid_grant_When_the_court_annuls_without_suspension_Then_the_credits_are_released()
    {
        var given = Given.SeedThrough(4)
            .Apply(new RecordCourtReferral(new DateOnly(2022, 7, 1), false, "Déféré"), At(2022, 7, 1, 15))
            .Apply(new RecordCourtDecision(new DateOnly(2022, 11, 3), true, "Délibération annulée"), At(2022, 11, 3, 15));

        Assert.Equal(DossierStage.Annulled, given.State.Stage);
        Assert.Equal(0m, given.State.CreditsCommitted);
        Assert.DoesNotContain(nameof(OrderRecovery), Workflow.AllowedCommands(given.State));
    }

    [Fact]
    public void Given_a_suspended_act_When_the_court_rejects_the_referral_Then_the_dossier_resumes_and_the_grant_stands()
    {
        var given = Given.SeedThrough(5)
            .Apply(new RecordCourtReferral(new DateOnly(2022, 7, 1), true, "Déféré-suspension"), At(2022, 7, 1, 15))
            .Apply(new RecordSuspensionOrder(new DateOnly(2022, 7, 8), "Suspension"), At(2022, 7, 8, 15))
            .Apply(new RecordCourtDecision(new DateOnly(2022, 11, 3), Annulled: false, "Déféré rejeté"), At(2022, 11, 3, 15));

        Assert.Equal(DossierStage.Signed, given.State.Stage);
        Assert.False(given.State.ReferralPending);
        Assert.Equal(9_000m, given.State.CreditsCommitted);
        Assert.Null(given.State.EndedOn);
    }

    [Fact]
    public void Given_the_seed_Then_the_act_is_enforceable_once_received_and_notified_and_not_before()
    {
        // L2131-1: transmission and notification; the seed's convention took effect on transmission and was signed after.
        Assert.Null(Given.SeedThrough(4).State.EnforceableOn);
        Assert.Null(Given.SeedThrough(5).State.EnforceableOn);
        Assert.Equal(new DateOnly(2022, 6, 30), Given.SeedThrough(6).State.EnforceableOn);
    }

    [Fact]
    public void Given_a_publication_before_notification_Then_the_act_is_enforceable_from_it()
    {
        var given = Given.SeedThrough(4).Apply(new RecordPublication(new DateOnly(2022, 6, 23), "Recueil des actes administratifs"), At(2022, 6, 23, 15));

        Assert.Equal(new DateOnly(2022, 6, 23), given.State.EnforceableOn);
        given.WhenRefused(new RecordPublication(new DateOnly(2022, 6, 24), "Site internet"), At(2022, 6, 24, 15), "publication.recorded");
    }
}
