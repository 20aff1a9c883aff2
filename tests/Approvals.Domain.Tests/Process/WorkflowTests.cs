namespace Approvals.Domain.Tests;

using static DossierCommand;
using static DossierEvent;
using static SeedDossier;

public class WorkflowTests
{
    [Fact]
    public void Given_the_seed_request_When_the_bureau_votes_as_on_9_June_2022_Then_adopted_unanimously_and_credits_committed()
    {
        var events = Given.SeedThrough(1).When(Vote, At(2022, 6, 10));

        var vote = Assert.IsType<VoteRecorded>(events[0]);
        Assert.Equal(VoteOutcome.Adopted, vote.Count.Outcome);
        Assert.Equal(29, vote.Count.Voters);
        Assert.Equal("adopté à l'unanimité", vote.Count.Wording);
        var committed = Assert.IsType<CreditsCommitted>(events[1]);
        Assert.Equal(9_000m, committed.Amount);
        Assert.Equal("65-23-6574", committed.BudgetLineCode);
    }

    [Fact]
    public void Given_the_seed_dossier_When_taken_through_every_stage_Then_it_is_closed_with_nothing_left_committed()
    {
        var given = Given.SeedThrough(8)
            .Apply(Report(15_790m), At(2023, 1, 21))
            .Apply(Acceptance, At(2023, 2, 10));

        Assert.Equal(DossierStage.Closed, given.State.Stage);
        Assert.Equal(9_000m, given.State.AmountPaid);
        Assert.Equal(9_000m, given.State.CreditsCommitted);
        Assert.Equal(new DateOnly(2023, 2, 10), given.State.EndedOn);
        Assert.Empty(Workflow.Deadlines(given.State));
        Assert.Equal(given.Events.Count, given.State.Version);
    }

    [Fact]
    public void Given_a_submitted_request_When_notified_Then_refused_as_out_of_order()
    {
        var refusal = Given.SeedThrough(1).WhenRefused(Notification, At(2022, 6, 30), "stage.wrong");

        Assert.Equal(RefusalKind.WrongStage, refusal.Kind);
        Assert.Equal("Ordre des étapes", refusal.Rule);
        Assert.Contains("demande déposée", refusal.Message);
    }

    [Fact]
    public void Given_a_line_with_too_few_credits_When_the_vote_is_adopted_Then_refused_with_the_figures()
    {
        var refusal = Given.SeedThrough(1).WhenRefused(Vote with { AvailableCredits = 5_000m }, At(2022, 6, 10), "budget.credits-insufficient");

        Assert.Contains("5", refusal.Message);
        Assert.Contains("9", refusal.Message);
    }

    [Fact]
    public void Given_a_submitted_request_When_a_vote_is_rejected_Then_nothing_is_committed_and_the_dossier_ends()
    {
        var given = Given.SeedThrough(1).Apply(Vote with { Tally = new Tally(10, 19, 0) }, At(2022, 6, 10));

        Assert.Equal(DossierStage.Rejected, given.State.Stage);
        Assert.Equal(0m, given.State.CreditsCommitted);
        Assert.DoesNotContain(given.Events, e => e is CreditsCommitted);
        Assert.True(given.State.IsEnded);
    }

    [Fact]
    public void Given_an_adopted_vote_When_the_transmission_is_dated_before_the_session_Then_refused_as_going_backwards()
    {
        var refusal = Given.SeedThrough(2).WhenRefused(new RecordTransmission(new DateOnly(2022, 6, 8), "S²LOW"), At(2022, 6, 10), "date.backwards");

        Assert.Equal("sentOn", refusal.Field);
        Assert.Equal("Chronologie des actes", refusal.Rule);
    }

    [Fact]
    public void Given_an_enforceable_act_When_the_convention_is_signed_before_the_vote_Then_refused()
    {
        var signature = Signature with { BeneficiarySignedOn = new DateOnly(2022, 6, 1) };

        var refusal = Given.SeedThrough(4).WhenRefused(signature, At(2022, 6, 29), "date.backwards");

        Assert.Equal("beneficiarySignedOn", refusal.Field);
    }

    [Fact]
    public void Given_a_transmission_When_the_acknowledgment_names_another_decision_date_Then_refused()
    {
        var refusal = Given.SeedThrough(3).WhenRefused(new AcknowledgeReceipt("025-242500361-20220610-2022B0612-DE", new DateOnly(2022, 6, 21)), At(2022, 6, 22), "actes.decision-date");

        Assert.Equal("actesId", refusal.Field);
    }

    [Fact]
    public void Given_a_failed_transmission_When_sent_again_Then_it_is_acknowledged()
    {
        var given = Given.SeedThrough(3)
            .Apply(new RecordTransmissionFailure(new DateOnly(2022, 6, 20), "Erreur de la plateforme"), At(2022, 6, 20, 15))
            .Apply(Transmission with { SentOn = new DateOnly(2022, 6, 21) }, At(2022, 6, 21))
            .Apply(Acknowledgment, At(2022, 6, 22));

        Assert.Equal(DossierStage.Enforceable, given.State.Stage);
        Assert.Single(given.State.TransmissionFailures);
        Assert.Equal(ActesNature.DE, given.State.Receipt?.ActesId!.Nature);
    }

    [Fact]
    public void Given_a_notification_on_30_June_2022_Then_the_payment_window_closes_at_the_end_of_30_August_2022_Paris_time()
    {
        var state = Given.SeedThrough(6).State;

        var window = Assert.Single(Workflow.Deadlines(state), d => d.Id == DeadlineIds.PaymentWindow);

        Assert.Equal(new DateOnly(2022, 8, 30), window.Day);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 22, 0, 0, TimeSpan.Zero), window.DueAt);
        var reminders = Workflow.Deadlines(state).Where(d => d.RemindsOf == DeadlineKind.PaymentWindow).Select(d => (d.Day, d.DaysBefore)).ToList();
        Assert.Equal([(new DateOnly(2022, 7, 31), 30), (new DateOnly(2022, 8, 15), 15), (new DateOnly(2022, 8, 23), 7)], reminders);
    }

    [Fact]
    public void Given_a_grant_of_year_2022_without_a_report_date_Then_the_report_is_due_on_30_June_2023()
    {
        var state = Given.SeedThrough(6).State;

        var report = Assert.Single(Workflow.Deadlines(state), d => d.Id == DeadlineIds.ReportDue);

        Assert.Equal(new DateOnly(2023, 6, 30), report.Day);
    }

    [Fact]
    public void Given_a_notified_dossier_When_the_window_ends_without_a_request_Then_the_grant_lapses_and_the_credits_are_released()
    {
        var given = Given.SeedThrough(6);
        var due = new DateTimeOffset(2022, 8, 30, 22, 0, 0, TimeSpan.Zero);

        given.WhenRefused(new DeadlineReached(DeadlineIds.PaymentWindow), due.AddSeconds(-1), "deadline.not-due");
        given.Apply(new DeadlineReached(DeadlineIds.PaymentWindow), due);

        Assert.Equal(DossierStage.Lapsed, given.State.Stage);
        Assert.Equal(0m, given.State.CreditsCommitted);
        var released = Assert.Single(given.Events.OfType<CreditsReleased>());
        Assert.Equal(9_000m, released.Amount);
        Assert.Empty(Workflow.Deadlines(given.State));
    }

    [Fact]
    public void Given_a_payment_request_When_the_window_deadline_arrives_late_Then_it_changes_nothing()
    {
        var given = Given.SeedThrough(7);

        var events = given.When(new DeadlineReached(DeadlineIds.PaymentWindow), At(2022, 9, 1));

        Assert.Empty(events);
    }

    [Fact]
    public void Given_a_reminder_When_it_fires_twice_Then_the_second_time_yields_nothing()
    {
        var given = Given.SeedThrough(6);
        var id = DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 30);

        given.Apply(new DeadlineReached(id), At(2022, 7, 31));
        var again = given.When(new DeadlineReached(id), At(2022, 7, 31, 11));

        Assert.Single(given.Events.OfType<ReminderDue>());
        Assert.Empty(again);
    }

    [Fact]
    public void Given_a_notified_dossier_When_payment_is_asked_after_the_window_Then_refused()
    {
        var refusal = Given.SeedThrough(6).WhenRefused(PaymentRequest with { ReceivedOn = new DateOnly(2022, 8, 31) }, At(2022, 8, 31, 12), "payment.window-closed");

        Assert.Contains("30/08/2022", refusal.Message);
    }

    [Fact]
    public void Given_the_full_amount_paid_When_one_more_euro_is_paid_Then_refused_by_the_ceiling()
    {
        var refusal = Given.SeedThrough(8).WhenRefused(new RecordPayment(new DateOnly(2022, 8, 1), 1m, "MANDAT-2"), At(2022, 8, 2), "payment.ceiling");

        Assert.Equal("amount", refusal.Field);
    }

    [Fact]
    public void Given_real_costs_below_budget_When_the_report_is_accepted_Then_refused_until_a_recovery_is_ordered()
    {
        var given = Given.SeedThrough(8).Apply(Report(12_000m), At(2023, 1, 21));

        given.WhenRefused(Acceptance, At(2023, 2, 10), "report.recovery-due");
        given.Apply(new OrderRecovery(new DateOnly(2023, 2, 10), RecoveryReason.CostsShortfall, null), At(2023, 2, 10));

        var recovery = Assert.Single(given.Events.OfType<RecoveryOrdered>());
        Assert.Equal(2_160.23m, recovery.Amount);
        Assert.Equal(DossierStage.RecoveryOrdered, given.State.Stage);
        Assert.Equal(6_839.77m, given.State.CreditsCommitted);
    }

    [Fact]
    public void Given_an_instalment_paid_When_the_report_justifies_more_Then_the_balance_can_be_paid_up_to_the_entitlement()
    {
        var given = Given.SeedThrough(7)
            .Apply(new RecordPayment(new DateOnly(2022, 7, 29), 5_000m, "AVANCE"), At(2022, 7, 30))
            .Apply(Report(15_790m), At(2023, 1, 21))
            .Apply(new RecordPayment(new DateOnly(2023, 1, 25), 4_000m, "SOLDE"), At(2023, 1, 26))
            .Apply(Acceptance, At(2023, 2, 10));

        Assert.Equal(9_000m, given.State.AmountPaid);
        Assert.Equal(DossierStage.Closed, given.State.Stage);
    }

    [Fact]
    public void Given_a_formal_notice_When_terminated_within_the_month_Then_refused_and_after_it_accepted()
    {
        var given = Given.SeedThrough(8).Apply(new SendFormalNotice(new DateOnly(2022, 9, 15), "Actions non réalisées"), At(2022, 9, 15, 15));

        Assert.Equal(new DateOnly(2022, 10, 17), given.State.FormalNotice!.Sent.ExpiresOn);
        given.WhenRefused(new Terminate(new DateOnly(2022, 10, 17)), At(2022, 10, 17, 15), "termination.notice-running");
        given.Apply(new DeadlineReached(DeadlineIds.FormalNoticeExpiry(new DateOnly(2022, 9, 15))), At(2022, 10, 18, 2));
        given.Apply(new Terminate(new DateOnly(2022, 10, 18)), At(2022, 10, 18, 15));
        given.Apply(new OrderRecovery(new DateOnly(2022, 10, 20), RecoveryReason.ActionsNotCarriedOut, 9_000m), At(2022, 10, 20, 15));

        Assert.Equal(DossierStage.RecoveryOrdered, given.State.Stage);
        Assert.Equal(0m, given.State.CreditsCommitted);
    }

    [Fact]
    public void Given_a_formal_notice_When_lifted_Then_the_dossier_returns_to_its_stage()
    {
        var given = Given.SeedThrough(7)
            .Apply(new SendFormalNotice(new DateOnly(2022, 7, 20), "Pièces manquantes"), At(2022, 7, 20, 15))
            .Apply(new LiftFormalNotice(new DateOnly(2022, 7, 25), "Pièces reçues"), At(2022, 7, 25, 15));

        Assert.Equal(DossierStage.PaymentRequested, given.State.Stage);
    }

    [Fact]
    public void Given_a_request_for_additional_documents_Then_answering_it_is_offered_once()
    {
        var given = Given.SeedThrough(4)
            .Apply(new RecordPrefectureLetter(new DateOnly(2022, 7, 1), PrefectureLetterKind.AdditionalDocumentsRequest, "Budget détaillé demandé"), At(2022, 7, 1, 15));

        Assert.Contains(nameof(SendAdditionalDocuments), Workflow.AllowedCommands(given.State));
        given.Apply(new SendAdditionalDocuments(new DateOnly(2022, 7, 4)), At(2022, 7, 4, 15));
        Assert.DoesNotContain(nameof(SendAdditionalDocuments), Workflow.AllowedCommands(given.State));
        given.WhenRefused(new SendAdditionalDocuments(new DateOnly(2022, 7, 5)), At(2022, 7, 5, 15), "prefecture.no-request");
    }

    [Fact]
    public void Given_an_adopted_dossier_When_withdrawn_Then_the_committed_credits_are_released()
    {
        var given = Given.SeedThrough(2).Apply(new Withdraw(new DateOnly(2022, 6, 15), "Programme abandonné"), At(2022, 6, 15, 15));

        Assert.Equal(DossierStage.Withdrawn, given.State.Stage);
        Assert.Equal(0m, given.State.CreditsCommitted);
    }

    [Fact]
    public void Given_a_request_above_23000_euros_without_a_convention_When_submitted_Then_refused()
    {
        var budget = new ProvisionalBudget([new ExpenseLine("Actions", 50_000m)], [new RevenueLine("Métropole", 30_000m, true), new RevenueLine("Région", 20_000m, false)]);
        var request = Request with { Budget = budget, AmountRequested = 30_000m, Convention = ConventionTerms.Default with { HasConvention = false } };

        var refusal = Given.Dossier([]).WhenRefused(Submit with { Request = request }, At(2022, 5, 3), "convention.compulsory");

        Assert.Contains("23 000", refusal.Rule);
    }

    [Fact]
    public void Given_a_request_without_convention_Then_it_is_notified_right_after_the_acknowledgment()
    {
        var request = Request with { Convention = ConventionTerms.Default with { HasConvention = false } };
        var given = Given.Dossier([(Submit with { Request = request }, At(2022, 5, 3)), .. SeedDossier.ThroughPayment.Skip(1).Take(3)]);

        Assert.DoesNotContain(nameof(SignConvention), Workflow.AllowedCommands(given.State));
        given.Apply(Notification, At(2022, 6, 30));
        Assert.Equal(DossierStage.Notified, given.State.Stage);
    }

    [Fact]
    public void Given_a_request_with_several_faults_When_submitted_Then_every_field_is_named()
    {
        var request = Request with
        {
            Beneficiary = Request.Beneficiary with { Siret = "73282932000075", Email = "pas-une-adresse" },
            AmountRequested = 9_000.123m,
        };

        var result = Workflow.Decide(Dossier.Empty, Submit with { Request = request }, At(2022, 5, 3));

        var fields = result.Refusals.Select(r => r.Field).ToList();
        Assert.Contains("beneficiary.siret", fields);
        Assert.Contains("beneficiary.email", fields);
        Assert.Contains("amountRequested", fields);
    }

    [Fact]
    public void Given_a_request_received_in_the_future_When_submitted_Then_refused()
    {
        Given.Dossier([]).WhenRefused(Submit with { Request = Request with { RepublicanCommitment = null } }, At(2022, 5, 1), "date.future");
    }

    [Fact]
    public void Given_a_submitted_request_When_submitted_again_Then_nothing_happens()
    {
        Assert.Empty(Given.SeedThrough(1).When(Submit, At(2022, 5, 4)));
    }

    [Fact]
    public void Given_a_document_When_the_same_bytes_are_attached_again_Then_nothing_happens()
    {
        var attach = new AttachDocument("doc-1", DocumentKind.Statutes, "statuts.pdf", "application/pdf", 1234, new string('a', 64), "d/Statutes/statuts.pdf");
        var given = Given.SeedThrough(1).Apply(attach, At(2022, 5, 4));

        Assert.Empty(given.When(attach with { DocumentId = "doc-2" }, At(2022, 5, 5)));
    }

    [Fact]
    public void Given_a_notification_When_notified_again_on_the_same_day_Then_nothing_happens()
    {
        Assert.Empty(Given.SeedThrough(6).When(Notification, At(2022, 7, 1)));
    }

    [Fact]
    public void Given_a_signed_convention_with_an_end_date_Then_the_clock_wakes_up_at_its_end()
    {
        var state = Given.SeedThrough(5).State;

        var deadlines = Workflow.Deadlines(state);

        Assert.Equal([DeadlineIds.ReferralWindow, DeadlineIds.ConventionEnd], deadlines.Select(d => d.Id));
        Assert.Equal(new DateOnly(2023, 2, 1), deadlines[1].Day);
    }

    /// <summary>
    /// Issue 17 item 8: the replayed register is checked against the seed's facts written here, not against a fold of the
    /// same <c>Evolve</c>; the state the service stores is compared with the replay of its stored register in
    /// DossierServiceTests (Approvals.Storage.Tests).
    /// </summary>
    [Fact]
    public void Given_the_seed_register_through_its_report_When_replayed_Then_the_state_holds_the_seeds_facts()
    {
        var events = Given.SeedThrough(8).Apply(Report(12_000m), At(2023, 1, 21)).Events;

        var state = Workflow.Replay(events);

        Assert.Equal(DossierStage.ReportReceived, state.Stage);
        Assert.Equal(events.Count, state.Version);
        Assert.Equal(new DateOnly(2022, 6, 9), state.Vote!.SessionDate);
        Assert.Equal(9_000m, state.AmountVoted);
        Assert.Equal(9_000m, state.CreditsCommitted);
        Assert.Equal(new DateOnly(2022, 6, 21), state.Receipt?.ReceivedOn);
        Assert.Equal(new DateOnly(2022, 6, 30), state.Notification?.NotifiedOn);
        Assert.Equal(9_000m, state.AmountPaid);
        Assert.Equal(new DateOnly(2023, 1, 20), state.Report?.ReceivedOn);
    }
}
