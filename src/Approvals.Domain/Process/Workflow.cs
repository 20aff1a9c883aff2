namespace Approvals.Domain;

using static DossierCommand;
using static DossierEvent;
using Events = IReadOnlyList<DossierEvent>;

/// <summary>
/// The subsidy process as a pure decider: <see cref="Decide"/> turns a command into events or refusals,
/// <see cref="Evolve"/> folds an event into the state, <see cref="Deadlines"/> says what the clock must wake up for.
/// No I/O, no clock: time comes in as <c>now</c>.
/// </summary>
public static class Workflow
{
    public static Result<Events> Decide(Dossier state, DossierCommand command, DateTimeOffset now)
    {
        if (IsRepeat(state, command))
        {
            return Result<Events>.Ok([]);
        }

        var name = Transitions.NameOf(command);
        if (!Transitions.Allows(state.Stage, name))
        {
            return WrongStage(state, name);
        }

        if (command is SubmitRequest submit)
        {
            return Submit(submit, now);
        }

        // Every other command follows the request: the transition table allows none before it.
        if (state.Request is not { } request)
        {
            return WrongStage(state, name);
        }

        // Each arm names the records its stage has; the transition table guarantees them, the patterns make the compiler see it.
        return command switch
        {
            RecordRepublicanCommitment c => Commitment(request, c, now),
            RecordSessionWithoutQuorum c => FailedSession(request, c, now),
            RecordVote c => Vote(state, request, c, now),
            RecordTransmission c when state.Vote is { } vote => Transmit(vote, c, now),
            RecordTransmissionFailure c when state.Transmission is { } sent => TransmissionFailure(sent, c, now),
            AcknowledgeReceipt c when state is { Vote: { } vote, Transmission: { } sent } => Acknowledge(vote, sent, c, now),
            RecordPrefectureLetter c => PrefectureLetter(state, c, now),
            SendAdditionalDocuments c => AdditionalDocuments(state, c, now),
            AnswerObservations c => ObservationsAnswer(state, c, now),
            RecordPublication c when state.Vote is { } vote => Publication(state, vote, c, now),
            RecordCourtReferral c => Referral(state, c, now),
            RecordSuspensionOrder c => Suspension(state, c, now),
            LiftSuspension c when state.Receipt?.Referral?.Suspension is { } suspension => SuspensionLifting(suspension, c, now),
            RecordCourtDecision c => CourtDecision(state, request, c, now),
            SignConvention c when state.Vote is { } vote => Sign(request, vote, c, now),
            Notify c when state.Receipt is { } receipt => NotifyBeneficiary(state, request, receipt, c, now),
            RequestPayment c => PaymentRequest(state, c, now),
            RecordPayment c => Payment(state, c, now),
            ReceiveReport c => Report(state, c, now),
            AcceptReport c when state.Report is { } report => Accept(state, request, report, c, now),
            OrderRecovery c => Recovery(state, request, c, now),
            SendFormalNotice c => Notice(state, c, now),
            LiftFormalNotice c when state.FormalNotice is { } notice => LiftNotice(notice.Sent, c, now),
            Terminate c when state.FormalNotice is { } notice => Termination(state, request, notice.Sent, c, now),
            TerminateForFalseDeclarations c => TerminationWithoutNotice(state, request, c, now),
            Withdraw c => Withdrawal(state, request, c, now),
            AttachDocument c => Attach(c, now),
            RequestDocuments c => DocumentsRequests.Request(state, c, now),
            AnswerDocumentsRequest c => DocumentsRequests.Answer(state, c, now),
            DeadlineReached c => Reach(state, request, c, now),
            _ => WrongStage(state, name),
        };
    }

    private static Refusal WrongStage(Dossier state, string name) =>
        Refusal.WrongStage(
            "stage.wrong",
            "Ordre des étapes",
            $"L'action « {CommandLabels.Of(name)} » n'est pas possible à l'étape « {StageLabels.Of(state.Stage)} ».");

    public static Dossier Evolve(Dossier state, DossierEvent @event)
    {
        var next = @event switch
        {
            RequestSubmitted e => state with
            {
                Stage = DossierStage.Submitted,
                Number = e.Number,
                Request = e.Request,
                Policy = e.Policy,
                SubmittedAt = e.At,
            },
            RepublicanCommitmentRecorded e when state.Request is { } request => state with { Request = request with { RepublicanCommitment = new RepublicanCommitment(e.SignedOn, e.Signatory) } },
            SessionWithoutQuorum e => state with { FailedSessions = [.. state.FailedSessions, e] },
            VoteRecorded e => state with
            {
                Stage = e.Count.Outcome == VoteOutcome.Adopted ? DossierStage.Adopted : DossierStage.Rejected,
                Vote = e,
                EndedOn = e.Count.Outcome == VoteOutcome.Adopted ? null : e.SessionDate,
            },
            CreditsCommitted e => state with { CreditsCommitted = state.CreditsCommitted + e.Amount },
            CreditsReleased e => state with { CreditsCommitted = state.CreditsCommitted - e.Amount },
            TransmissionRecorded e => state with { Stage = DossierStage.Transmitted, Transmission = e },
            TransmissionFailed e => state with
            {
                Stage = DossierStage.Adopted,
                Transmission = null,
                TransmissionFailures = [.. state.TransmissionFailures, e],
            },
            ReceiptAcknowledged e => state with { Stage = DossierStage.Enforceable, Receipt = new PrefectureReceipt(e.ActesId, e.ReceivedOn) },
            PrefectureLetterReceived e when state.Receipt is { } receipt => state with
            {
                Receipt = receipt with
                {
                    Letters = [.. receipt.Letters, e],
                    AwaitingAdditionalDocuments = receipt.AwaitingAdditionalDocuments || e.Kind == PrefectureLetterKind.AdditionalDocumentsRequest,
                },
            },
            AdditionalDocumentsSent e when state.Receipt is { } receipt => state with
            {
                Receipt = receipt with { AwaitingAdditionalDocuments = false, AdditionalDocuments = [.. receipt.AdditionalDocuments, e] },
            },
            ObservationsAnswered e when state.Receipt is { } receipt => state with { Receipt = receipt with { ObservationsAnswers = [.. receipt.ObservationsAnswers, e] } },
            DecisionPublished e => state with { PublishedOn = e.PublishedOn },
            CourtReferralRecorded e when state.Receipt is { } receipt => state with { Receipt = receipt with { Referral = new CourtReferral(e) } },
            SuspensionOrdered e when state.Receipt is { Referral: { } referral } receipt => state with
            {
                Stage = DossierStage.Suspended,
                ResumeStage = state.Stage,
                Receipt = receipt with { Referral = referral with { Suspension = e } },
            },
            SuspensionLifted when state.Receipt is { Referral: { } referral } receipt => state with
            {
                Stage = state.ResumeStage ?? state.Stage,
                ResumeStage = null,
                Receipt = receipt with { Referral = referral with { Suspension = null } },
            },
            CourtDecisionRecorded e when state.Receipt is { Referral: { } referral } receipt => state with
            {
                Stage = e.Annulled ? DossierStage.Annulled : state.Stage == DossierStage.Suspended ? state.ResumeStage ?? state.Stage : state.Stage,
                ResumeStage = e.Annulled || state.Stage == DossierStage.Suspended ? null : state.ResumeStage,
                Receipt = receipt with { Referral = referral with { Suspension = null, Decision = e } },
                EndedOn = e.Annulled ? e.DecidedOn : state.EndedOn,
            },
            ReferralWindowClosed e when state.Receipt is { } receipt => state with
            {
                Receipt = receipt with { SafeFromReferralSince = e.LastDay.AddDays(1) },
                FiredDeadlines = [.. state.FiredDeadlines, DeadlineIds.ReferralWindow],
            },
            ConventionSigned e => state with { Stage = DossierStage.Signed, Signature = e },
            Notified e => state with { Stage = DossierStage.Notified, Notification = new Notification(e.NotifiedOn, e.PaymentWindowLastDay) },
            PaymentRequested e => state with
            {
                Stage = DossierStage.PaymentRequested,
                Payments = state.Payments with { Requests = [.. state.Payments.Requests, e], AmountRequested = state.Payments.AmountRequested + e.Amount },
            },
            PaymentRecorded e => state with
            {
                Payments = state.Payments with { Recorded = [.. state.Payments.Recorded, e], AmountPaid = state.Payments.AmountPaid + e.Amount },
            },
            ReportReceived e => state with
            {
                Stage = DossierStage.ReportReceived,
                Report = new ReceivedReport(e.ReceivedOn, e.Settlement),
                ReportOverdueSince = null,
            },
            ReportAccepted e => state with { Stage = DossierStage.Closed, EndedOn = e.AcceptedOn },
            RecoveryOrdered e => state with
            {
                Stage = DossierStage.RecoveryOrdered,
                Recovery = new Recovery(e.Amount, e.Reason),
                EndedOn = e.OrderedOn,
            },
            FormalNoticeSent e => state with
            {
                Stage = DossierStage.FormalNotice,
                ResumeStage = state.Stage,
                FormalNotice = new FormalNoticeTerm(e, Expired: false),
            },
            FormalNoticeLifted => state with { Stage = state.ResumeStage ?? state.Stage, ResumeStage = null },
            FormalNoticeExpired when state.FormalNotice is { } notice => state with
            {
                FormalNotice = notice with { Expired = true },
                FiredDeadlines = [.. state.FiredDeadlines, DeadlineIds.FormalNoticeExpiry(notice.Sent.SentOn)],
            },
            Terminated e => state with { Stage = DossierStage.Terminated, ResumeStage = null, EndedOn = e.TerminatedOn },
            TerminatedWithoutNotice e => state with { Stage = DossierStage.Terminated, ResumeStage = null, EndedOn = e.TerminatedOn },
            Withdrawn e => state with { Stage = DossierStage.Withdrawn, EndedOn = e.On },
            Lapsed e => state with
            {
                Stage = DossierStage.Lapsed,
                EndedOn = e.WindowLastDay,
                FiredDeadlines = [.. state.FiredDeadlines, DeadlineIds.PaymentWindow],
            },
            ReportOverdue e => state with { ReportOverdueSince = e.DueOn, FiredDeadlines = [.. state.FiredDeadlines, DeadlineIds.ReportDue] },
            ConventionEnded => state with { FiredDeadlines = [.. state.FiredDeadlines, DeadlineIds.ConventionEnd] },
            ReminderDue e => state with { FiredDeadlines = [.. state.FiredDeadlines, e.DeadlineId] },
            ReminderSkipped e => state with { FiredDeadlines = [.. state.FiredDeadlines, e.DeadlineId] },
            DocumentAttached e => state with { Documents = [.. state.Documents, e] },
            DocumentsRequested e => state with { DocumentsRequest = e },
            DocumentsRequestAnswered e => state with { DocumentsRequest = null, DocumentsAnswer = e },
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown event, or an event before the one that opens its stage."),
        };
        return next with { Version = state.Version + 1 };
    }

    /// <summary>Folds a whole register: the state of a dossier is nothing but this.</summary>
    public static Dossier Replay(IEnumerable<DossierEvent> events) => events.Aggregate(Dossier.Empty, Evolve);

    public static IReadOnlyList<Deadline> Deadlines(Dossier state) => DeadlineSchedule.Of(state);

    /// <summary>When the final report is due once the grant is notified (null before): the convention's date or the legal default.</summary>
    public static DateOnly? ReportDueDay(Dossier state) => DeadlineSchedule.ReportDueDay(state);

    /// <summary>The commands a user may send now, by name (deadlines are the clock's, not a user's).</summary>
    public static IReadOnlyList<string> AllowedCommands(Dossier state) =>
        Transitions.CommandsFrom(state.Stage)
            .Where(c => c is not (nameof(DeadlineReached) or nameof(AnswerDocumentsRequest)))
            .Where(c => c != nameof(RequestDocuments) || state.DocumentsRequest is null)
            .Where(c => c != nameof(SendAdditionalDocuments) || state.Receipt?.AwaitingAdditionalDocuments == true)
            .Where(c => c != nameof(SignConvention) || state.Request?.Convention.HasConvention == true)
            .Where(c => !(c == nameof(Notify) && state.Stage == DossierStage.Enforceable && state.Request?.Convention.HasConvention == true))
            .Where(c => c != nameof(Terminate) || state.FormalNotice?.Expired == true)
            .Where(c => c != nameof(OrderRecovery) || state.Stage is not (DossierStage.Annulled or DossierStage.Lapsed or DossierStage.Closed) || state.Payments.AmountPaid > 0)
            .Where(c => c != nameof(RecordRepublicanCommitment) || state.Request is { Beneficiary.IsAssociationOrFoundation: true, RepublicanCommitment: null })
            .Where(c => c != nameof(AnswerObservations) || UnansweredObservations(state) is not null)
            .Where(c => c != nameof(RecordPublication) || state.PublishedOn is null)
            .Where(c => c != nameof(RecordCourtReferral) || state.Receipt?.Referral is null)
            .Where(c => c is not (nameof(RecordSuspensionOrder) or nameof(RecordCourtDecision)) || state.ReferralPending)
            .ToList();

    /// <summary>A letter of observations the authority has not answered yet.</summary>
    private static PrefectureLetterReceived? UnansweredObservations(Dossier state) =>
        state.Receipt is { } receipt
            && receipt.Letters.LastOrDefault(l => l.Kind == PrefectureLetterKind.Observations) is { } letter
            && !receipt.ObservationsAnswers.Any(a => a.ReceivedOn >= letter.ReceivedOn)
            ? letter
            : null;

    /// <summary>A command already carried out yields no events, so that retries and re-run activities are harmless.</summary>
    private static bool IsRepeat(Dossier state, DossierCommand command) => command switch
    {
        SubmitRequest c => state.Number == c.Number && state.Request is not null,
        AttachDocument c => state.Documents.Any(d => d.Sha256 == c.Sha256 && d.Kind == c.Kind),
        RecordPayment c => state.Payments.Recorded.Any(p => p.Reference == c.Reference && p.Amount == c.Amount && p.PaidOn == c.PaidOn),
        AcknowledgeReceipt c => state.Receipt is { } receipt && receipt.ActesId.ToString() == c.ActesId && receipt.ReceivedOn == c.ReceivedOn,
        Notify c => state.Notification?.NotifiedOn == c.NotifiedOn,
        _ => false,
    };

    private static Result<Events> Submit(SubmitRequest c, DateTimeOffset now)
    {
        var refusals = RequestRules.Check(c.Request, c.Policy, now).ToList();
        if (refusals.Count == 0 && ConventionThreshold(c.Request, c.Request.AmountRequested, c.OtherGrantsThisYear, "convention.hasConvention") is { } threshold)
        {
            refusals.Add(threshold);
        }

        return refusals.Count > 0 ? Result<Events>.Refused(refusals) : Ok(new RequestSubmitted(c.Number, c.Request, c.Policy) { At = now });
    }

    /// <summary>
    /// Loi n°2000-321, art. 10, al. 3, and décret n°2001-495, art. 1er: a written convention is compulsory when the
    /// grants of the year to one beneficiary exceed 23 000 €, all the authority's grants to it for that year summed.
    /// </summary>
    private static Refusal? ConventionThreshold(GrantRequest request, decimal amount, decimal otherGrants, string field) =>
        !request.Convention.HasConvention && amount + otherGrants > ConventionTerms.CompulsoryAbove
            ? Refusal.Invalid("convention.compulsory", field, "Convention obligatoire au-delà de 23 000 € par an et par bénéficiaire (loi n°2000-321, art. 10 ; décret n°2001-495)",
                $"Avec {Money.Format(amount)} et {Money.Format(otherGrants)} déjà attribués à ce bénéficiaire pour {request.BudgetLine.Year}, le total "
                + $"({Money.Format(amount + otherGrants)}) dépasse {Money.Format(ConventionTerms.CompulsoryAbove)} : une convention écrite est obligatoire.")
            : null;

    private static Result<Events> Commitment(GrantRequest request, RecordRepublicanCommitment c, DateTimeOffset now)
    {
        if (!request.Beneficiary.IsAssociationOrFoundation)
        {
            return Refusal.Invalid("republican-commitment.not-association", "signatory", "Contrat d'engagement républicain des associations et fondations",
                "Le contrat d'engagement républicain concerne les associations et les fondations ; ce bénéficiaire n'en est pas une.");
        }

        return request.RepublicanCommitment is not null
            ? Refusal.WrongStage("republican-commitment.recorded", "Contrat d'engagement républicain", "Le contrat d'engagement républicain est déjà enregistré.")
            : OkOr(RequestRules.CheckCommitment(new RepublicanCommitment(c.SignedOn, c.Signatory), now, ""), new RepublicanCommitmentRecorded(c.SignedOn, c.Signatory) { At = now });
    }

    /// <summary>A session without quorum under the rules of its date (CGCT L2121-17, or the derogation then in force).</summary>
    private static Result<Events> FailedSession(GrantRequest request, RecordSessionWithoutQuorum c, DateTimeOffset now)
    {
        var rules = VoteRuleBook.For(c.SessionDate);
        var checks = Checks.All(
            Checks.Text(c.Assembly, "assembly", 100, "L'assemblée"),
            Checks.NotInFuture(c.SessionDate, now, "sessionDate", "La date de séance"),
            Checks.NotBefore(c.SessionDate, request.ReceivedOn, "sessionDate", "La date de séance", "la réception de la demande"),
            c.MembersInOffice < 1 ? Refusal.Invalid("vote.members-in-office", "membersInOffice", "Membres en exercice", "Le nombre de membres en exercice doit être d'au moins 1.") : null,
            c.Present < 0 || c.Represented < 0 || c.Present + c.Represented > c.MembersInOffice
                ? Refusal.Invalid("vote.attendance", "present", "Présents + représentés ≤ membres en exercice",
                    $"{c.Present} présents et {c.Represented} représentés ne tiennent pas dans {c.MembersInOffice} membres en exercice.")
                : null);
        if (checks.Count > 0)
        {
            return Result<Events>.Refused(checks);
        }

        var quorum = rules.Quorum(c.MembersInOffice);
        var counted = c.Present + (rules.ProxiesCountTowardsQuorum ? c.Represented : 0);
        return counted >= quorum
            ? Refusal.Invalid("vote.quorum-reached", "present", $"Quorum : {rules.QuorumWording} ({rules.Source})",
                $"Avec {counted} membres comptés pour {quorum} requis, le quorum était atteint : la séance pouvait délibérer.")
            : Ok(new SessionWithoutQuorum(c.SessionDate, c.Assembly.Trim(), c.MembersInOffice, c.Present, c.Represented, quorum) { At = now });
    }

    private static Result<Events> Vote(Dossier state, GrantRequest request, RecordVote c, DateTimeOffset now)
    {
        var refusals = Checks.All(
            Checks.Text(c.ReportNumber, "reportNumber", 40, "Le numéro du rapport"),
            Checks.Name(c.Rapporteur, "rapporteur", "Le rapporteur"),
            Checks.Text(c.Assembly, "assembly", 100, "L'assemblée"),
            Checks.NotInFuture(c.SessionDate, now, "sessionDate", "La date de séance"),
            Checks.NotBefore(c.SessionDate, request.ReceivedOn, "sessionDate", "La date de séance", "la réception de la demande"),
            Money.Check(c.AmountVoted, "amountVoted"),
            // Loi n°2000-321, art. 10-1 (loi n°2021-1109, art. 12): no grant to an association or foundation that has not
            // subscribed the contrat d'engagement républicain (requests made from 2 January 2022, décret n°2021-1947).
            RepublicanCommitment.IsRequired(request) && request.RepublicanCommitment is null
                ? Refusal.Invalid("republican-commitment.missing", "republicanCommitment", "Contrat d'engagement républicain (loi n°2000-321, art. 10-1)",
                    $"{request.Beneficiary.Name} est une association ou une fondation : la subvention ne peut être votée sans son contrat d'engagement républicain signé.")
                : null,
            c.AmountVoted > request.AmountRequested
                ? Refusal.Invalid("vote.amount-above-request", "amountVoted", "Montant voté au plus égal au montant demandé",
                    $"Le montant voté ({Money.Format(c.AmountVoted)}) dépasse le montant demandé ({Money.Format(request.AmountRequested)}).")
                : null,
            ConventionThreshold(request, c.AmountVoted, c.OtherGrantsThisYear, "amountVoted"));
        if (refusals.Count > 0)
        {
            return Result<Events>.Refused(refusals);
        }

        // CGCT L2121-17: a second session, convened at least three days after one without quorum, needs none.
        var secondConvocation = VoteLaw.IsSecondConvocation(c.SessionDate, state.FailedSessions.Select(f => f.SessionDate));
        var count = VoteLaw.Count(c.Attendance, c.Tally, c.SecretBallot, c.PresidentVotesFor, VoteRuleBook.For(c.SessionDate), secondConvocation, c.Officers);
        if (!count.IsOk)
        {
            return Result<Events>.Refused(count.Refusals);
        }

        var outcome = count.Unwrap();
        var vote = new VoteRecorded(c.ReportNumber, c.Rapporteur, c.Assembly, c.SessionDate, c.Attendance, c.Tally, c.SecretBallot,
            c.PresidentVotesFor, outcome, c.AmountVoted, c.Officers)
        { At = now };
        if (outcome.Outcome == VoteOutcome.Rejected)
        {
            return Ok(vote);
        }

        var credits = BudgetRules.CheckCredits(c.AmountVoted, c.AvailableCredits, request.BudgetLine.Code);
        return credits is not null
            ? credits
            : Ok(vote, new CreditsCommitted(request.BudgetLine.Code, request.BudgetLine.Year, c.AmountVoted) { At = now });
    }

    private static Result<Events> Transmit(VoteRecorded vote, RecordTransmission c, DateTimeOffset now) =>
        OkOr(
            [
                Checks.Text(c.Platform, "platform", 100, "La plateforme de transmission"),
                Checks.NotInFuture(c.SentOn, now, "sentOn", "La date de transmission"),
                Checks.NotBefore(c.SentOn, vote.SessionDate, "sentOn", "La date de transmission", "la séance"),
            ],
            new TransmissionRecorded(c.SentOn, c.Platform) { At = now });

    private static Result<Events> TransmissionFailure(TransmissionRecorded sent, RecordTransmissionFailure c, DateTimeOffset now) =>
        OkOr(
            [
                Checks.Text(c.Reason, "reason", 500, "Le motif"),
                Checks.NotInFuture(c.On, now, "on", "La date de l'échec"),
                Checks.NotBefore(c.On, sent.SentOn, "on", "La date de l'échec", "la transmission"),
            ],
            new TransmissionFailed(c.On, c.Reason) { At = now });

    private static Result<Events> Acknowledge(VoteRecorded vote, TransmissionRecorded sent, AcknowledgeReceipt c, DateTimeOffset now)
    {
        var id = ActesId.Parse(c.ActesId, "actesId");
        if (!id.IsOk)
        {
            return Result<Events>.Refused(id.Refusals);
        }

        var actes = id.Unwrap();
        return OkOr(
            [
                actes.Nature == ActesNature.DE
                    ? null
                    : Refusal.Invalid("actes.nature", "actesId", "Nature de l'acte : délibération (DE)",
                        $"L'identifiant ACTES {actes} n'est pas celui d'une délibération (nature {actes.Nature}, attendu DE)."),
                actes.DecisionDate == vote.SessionDate
                    ? null
                    : Refusal.Invalid("actes.decision-date", "actesId", "Date de décision de l'acte",
                        $"La date de décision de l'identifiant ACTES ({Checks.Show(actes.DecisionDate)}) diffère de la date de séance ({Checks.Show(vote.SessionDate)})."),
                Checks.NotInFuture(c.ReceivedOn, now, "receivedOn", "La date de l'accusé de réception"),
                Checks.NotBefore(c.ReceivedOn, sent.SentOn, "receivedOn", "L'accusé de réception", "la transmission"),
            ],
            new ReceiptAcknowledged(actes, c.ReceivedOn) { At = now });
    }

    private static Result<Events> PrefectureLetter(Dossier state, RecordPrefectureLetter c, DateTimeOffset now) =>
        OkOr(
            [
                c.Kind == PrefectureLetterKind.CourtReferral
                    ? Refusal.Invalid("prefecture.referral-is-not-a-letter", "kind", "Déféré enregistré comme tel (CGCT L2131-6)",
                        "Un déféré au tribunal administratif s'enregistre avec l'action « enregistrer un déféré », en indiquant si le préfet demande la suspension.")
                    : null,
                Checks.Text(c.Summary, "summary", 2000, "L'objet du courrier"),
                Checks.NotInFuture(c.ReceivedOn, now, "receivedOn", "La date de réception du courrier"),
                Checks.NotBefore(c.ReceivedOn, state.Receipt?.ReceivedOn, "receivedOn", "Le courrier de la préfecture", "l'accusé de réception"),
            ],
            new PrefectureLetterReceived(c.ReceivedOn, c.Kind, c.Summary) { At = now });

    private static Result<Events> AdditionalDocuments(Dossier state, SendAdditionalDocuments c, DateTimeOffset now)
    {
        if (state.Receipt is not { AwaitingAdditionalDocuments: true } receipt)
        {
            return Refusal.WrongStage("prefecture.no-request", "Pièces complémentaires demandées",
                "La préfecture n'a demandé aucune pièce complémentaire.");
        }

        var request = receipt.Letters.Last(l => l.Kind == PrefectureLetterKind.AdditionalDocumentsRequest);
        return OkOr(
            [
                Checks.NotInFuture(c.SentOn, now, "sentOn", "La date d'envoi des pièces"),
                Checks.NotBefore(c.SentOn, request.ReceivedOn, "sentOn", "L'envoi des pièces", "la demande de la préfecture"),
                c.ReceivedOn is { } received ? Checks.NotInFuture(received, now, "receivedOn", "La réception des pièces en préfecture") : null,
                c.ReceivedOn is { } r ? Checks.NotBefore(r, c.SentOn, "receivedOn", "La réception des pièces en préfecture", "leur envoi") : null,
            ],
            new AdditionalDocumentsSent(c.SentOn, c.ReceivedOn) { At = now });
    }

    private static Result<Events> ObservationsAnswer(Dossier state, AnswerObservations c, DateTimeOffset now)
    {
        if (UnansweredObservations(state) is not { } letter)
        {
            return Refusal.WrongStage("prefecture.no-observations", "Lettre d'observations à laquelle répondre", "Aucune lettre d'observations du préfet n'attend de réponse.");
        }

        return OkOr(
            [
                Checks.Text(c.Summary, "summary", 2000, "L'objet de la réponse"),
                Checks.NotInFuture(c.ReceivedOn, now, "receivedOn", "La réception de la réponse en préfecture"),
                Checks.NotBefore(c.ReceivedOn, letter.ReceivedOn, "receivedOn", "La réponse", "la lettre d'observations"),
            ],
            new ObservationsAnswered(c.ReceivedOn, c.Summary) { At = now });
    }

    private static Result<Events> Publication(Dossier state, VoteRecorded vote, RecordPublication c, DateTimeOffset now) =>
        state.PublishedOn is not null
            ? Refusal.WrongStage("publication.recorded", "Publication", "La publication de la délibération est déjà enregistrée.")
            : OkOr(
                [
                    Checks.Text(c.Medium, "medium", 200, "Le support de publication"),
                    Checks.NotInFuture(c.PublishedOn, now, "publishedOn", "La date de publication"),
                    Checks.NotBefore(c.PublishedOn, vote.SessionDate, "publishedOn", "La publication", "la séance"),
                ],
                new DecisionPublished(c.PublishedOn, c.Medium) { At = now });

    /// <summary>CGCT L2131-6: the prefect refers the act within two months of its receipt; the referral itself suspends nothing.</summary>
    private static Result<Events> Referral(Dossier state, RecordCourtReferral c, DateTimeOffset now) =>
        state.Receipt?.Referral is not null
            ? Refusal.WrongStage("referral.recorded", "Un déféré par acte", "Un déféré est déjà enregistré pour cette délibération.")
            : OkOr(
                [
                    Checks.Text(c.Summary, "summary", 2000, "L'objet du déféré"),
                    Checks.NotInFuture(c.LodgedOn, now, "lodgedOn", "La date du déféré"),
                    Checks.NotBefore(c.LodgedOn, state.Receipt?.ReceivedOn, "lodgedOn", "Le déféré", "la réception en préfecture"),
                ],
                new CourtReferralRecorded(c.LodgedOn, c.SuspensionRequested, c.Summary) { At = now });

    /// <summary>CGCT L2131-6, al. 3 and following (CJA L554-1): only the judge's order suspends the act.</summary>
    private static Result<Events> Suspension(Dossier state, RecordSuspensionOrder c, DateTimeOffset now) =>
        state.Receipt?.Referral is not { Pending: true } referral
            ? Refusal.WrongStage("referral.none", "Déféré en cours", "Aucun déféré n'est en cours : le juge ne peut suspendre l'acte que saisi d'un déféré.")
            : OkOr(
                [
                    Checks.Text(c.Summary, "summary", 2000, "Le dispositif de l'ordonnance"),
                    Checks.NotInFuture(c.OrderedOn, now, "orderedOn", "La date de l'ordonnance"),
                    Checks.NotBefore(c.OrderedOn, referral.Lodged.LodgedOn, "orderedOn", "L'ordonnance de suspension", "le déféré"),
                ],
                new SuspensionOrdered(c.OrderedOn, c.Summary) { At = now });

    private static Result<Events> SuspensionLifting(SuspensionOrdered suspension, LiftSuspension c, DateTimeOffset now) =>
        OkOr(
            [
                Checks.Text(c.Summary, "summary", 2000, "Le motif de la levée"),
                Checks.NotInFuture(c.On, now, "on", "La date de levée"),
                Checks.NotBefore(c.On, suspension.OrderedOn, "on", "La levée", "l'ordonnance de suspension"),
            ],
            new SuspensionLifted(c.On, c.Summary) { At = now });

    /// <summary>An annulment ends the grant and releases what was not paid (what was paid becomes recoverable); a rejection keeps the act.</summary>
    private static Result<Events> CourtDecision(Dossier state, GrantRequest request, RecordCourtDecision c, DateTimeOffset now)
    {
        if (state.Receipt?.Referral is not { Pending: true } referral)
        {
            return Refusal.WrongStage("referral.none", "Déféré en cours", "Aucun déféré n'est en cours : il n'y a pas de jugement à enregistrer.");
        }

        var decision = new CourtDecisionRecorded(c.DecidedOn, c.Annulled, c.Summary) { At = now };
        var checks = new[]
        {
            Checks.Text(c.Summary, "summary", 2000, "Le dispositif du jugement"),
            Checks.NotInFuture(c.DecidedOn, now, "decidedOn", "La date du jugement"),
            Checks.NotBefore(c.DecidedOn, referral.Lodged.LodgedOn, "decidedOn", "Le jugement", "le déféré"),
        };
        return c.Annulled ? OkOr(checks, [decision, .. Release(request, state.CreditsCommitted - state.Payments.AmountPaid, "annulation", now)]) : OkOr(checks, decision);
    }

    private static Result<Events> Sign(GrantRequest request, VoteRecorded vote, SignConvention c, DateTimeOffset now)
    {
        if (!request.Convention.HasConvention)
        {
            return Refusal.WrongStage("convention.none", "Convention prévue par la demande",
                "Ce dossier ne prévoit pas de convention : notifiez directement la décision.");
        }

        var voteDay = vote.SessionDate;
        return OkOr(
            [
                Checks.Name(c.AuthoritySignatory, "authoritySignatory", "Le signataire de la collectivité"),
                Checks.Name(c.BeneficiarySignatory, "beneficiarySignatory", "Le signataire du bénéficiaire"),
                Checks.NotInFuture(c.AuthoritySignedOn, now, "authoritySignedOn", "La signature de la collectivité"),
                Checks.NotInFuture(c.BeneficiarySignedOn, now, "beneficiarySignedOn", "La signature du bénéficiaire"),
                Checks.NotBefore(c.AuthoritySignedOn, voteDay, "authoritySignedOn", "La signature de la collectivité", "le vote"),
                Checks.NotBefore(c.BeneficiarySignedOn, voteDay, "beneficiarySignedOn", "La signature du bénéficiaire", "le vote"),
            ],
            new ConventionSigned(c.AuthoritySignedOn, c.AuthoritySignatory, c.BeneficiarySignedOn, c.BeneficiarySignatory) { At = now });
    }

    private static Result<Events> NotifyBeneficiary(Dossier state, GrantRequest request, PrefectureReceipt receipt, Notify c, DateTimeOffset now)
    {
        if (state.Stage == DossierStage.Enforceable && request.Convention.HasConvention)
        {
            return Refusal.WrongStage("convention.unsigned", "Convention signée avant notification",
                "La convention doit être signée par les deux parties avant d'être notifiée.");
        }

        var lastDay = FrenchCalendar.MonthsPeriodLastDay(c.NotifiedOn, request.Convention.PaymentWindowMonths, state.Policy.Territory);
        var (since, sinceLabel) = state.Signature is { } s
            ? (Max(s.AuthoritySignedOn, s.BeneficiarySignedOn), "la signature de la convention")
            : (receipt.ReceivedOn, "l'accusé de réception");
        return OkOr(
            [
                Checks.NotInFuture(c.NotifiedOn, now, "notifiedOn", "La date de notification"),
                Checks.NotBefore(c.NotifiedOn, since, "notifiedOn", "La notification", sinceLabel),
            ],
            new Notified(c.NotifiedOn, lastDay) { At = now });
    }

    private static Result<Events> PaymentRequest(Dossier state, RequestPayment c, DateTimeOffset now)
    {
        // Seed 004, art. 3: the payment terms say what may be asked for; an instalment due on the final report is not asked for.
        var remaining = Math.Min(state.AmountVoted, PaymentSchedule.Requestable(state)) - state.Payments.AmountRequested;
        return OkOr(
            [
                Money.Check(c.Amount, "amount"),
                c.Amount > remaining
                    ? Refusal.Invalid("payment.request-above-grant", "amount", "Plafond non révisable à la hausse et modalités de versement",
                        $"La demande de {Money.Format(c.Amount)} dépasse le reste à demander selon les modalités de versement ({Money.Format(remaining)} sur {Money.Format(state.AmountVoted)} votés).")
                    : null,
                Checks.NotInFuture(c.ReceivedOn, now, "receivedOn", "La date de la demande de paiement"),
                Checks.NotBefore(c.ReceivedOn, state.Notification?.NotifiedOn, "receivedOn", "La demande de paiement", "la notification"),
                state.Stage == DossierStage.Notified && state.Notification is { } notification && c.ReceivedOn > notification.PaymentWindowLastDay
                    ? Refusal.Invalid("payment.window-closed", "receivedOn", "Demande de paiement dans les deux mois de la notification",
                        $"La demande reçue le {Checks.Show(c.ReceivedOn)} arrive après la fin du délai ({Checks.Show(notification.PaymentWindowLastDay)}) : la subvention est caduque.")
                    : null,
            ],
            new PaymentRequested(c.ReceivedOn, c.Amount) { At = now });
    }

    private static Result<Events> Payment(Dossier state, RecordPayment c, DateTimeOffset now)
    {
        var payments = state.Payments;
        var ceiling = state.Report is { } report ? Math.Min(report.Settlement.Entitled, state.AmountVoted) : state.AmountVoted;
        return OkOr(
            [
                Money.Check(c.Amount, "amount"),
                Checks.Text(c.Reference, "reference", 60, "La référence du mandat"),
                payments.Recorded.Any(p => p.Reference == c.Reference)
                    ? Refusal.Invalid("payment.reference-duplicate", "reference", "Référence de mandat unique",
                        $"Un paiement porte déjà la référence {c.Reference}.")
                    : null,
                BudgetRules.CheckPaymentCeiling(c.Amount, payments.AmountPaid, ceiling, "amount"),
                // Once the beneficiary has asked for payment, payments settle the requests (and the balance due on the
                // final report, which needs none); without a request, the convention's terms alone say what is due
                // (e.g. "100 % à la signature", seed 004 art. 3).
                payments.Requests.Count > 0
                    ? BudgetRules.CheckPaymentRequested(c.Amount, payments.AmountPaid, payments.AmountRequested + PaymentSchedule.DueOnReport(state), "amount")
                    : null,
                c.Amount > PaymentSchedule.Payable(state) - payments.AmountPaid
                    ? Refusal.Invalid("payment.not-due", "amount", "Versement selon les modalités de la convention",
                        $"Le paiement de {Money.Format(c.Amount)} dépasse ce qui est dû à ce jour selon les modalités de versement ({Money.Format(Math.Max(0, PaymentSchedule.Payable(state) - payments.AmountPaid))}).")
                    : null,
                Checks.NotInFuture(c.PaidOn, now, "paidOn", "La date du paiement"),
                payments.Requests.Count > 0
                    ? Checks.NotBefore(c.PaidOn, payments.Requests[0].ReceivedOn, "paidOn", "Le paiement", "la demande de paiement")
                    : Checks.NotBefore(c.PaidOn, state.Notification?.NotifiedOn, "paidOn", "Le paiement", "la notification"),
            ],
            new PaymentRecorded(c.PaidOn, c.Amount, c.Reference) { At = now });
    }

    private static Result<Events> Report(Dossier state, ReceiveReport c, DateTimeOffset now)
    {
        var amount = Money.Check(c.RealEligibleCosts, "realEligibleCosts", allowZero: true);
        return amount is not null
            ? amount
            : OkOr(
                [
                    Checks.NotInFuture(c.ReceivedOn, now, "receivedOn", "La date de réception du compte rendu"),
                    Checks.NotBefore(c.ReceivedOn, state.Notification?.NotifiedOn, "receivedOn", "Le compte rendu", "la notification"),
                    .. c.Report is { } report ? FinalReportRules.Check(report, state).Append(FinalReportRules.CostsMatch(report, c.RealEligibleCosts)) : [],
                ],
                new ReportReceived(c.ReceivedOn, BudgetRules.Settle(state.AmountVoted, state.GrantRate, c.RealEligibleCosts, state.Payments.AmountPaid)) { At = now, Report = c.Report });
    }

    private static Result<Events> Accept(Dossier state, GrantRequest request, ReceivedReport report, AcceptReport c, DateTimeOffset now)
    {
        var settlement = CurrentSettlement(state, report);
        if (settlement.Recovery > 0)
        {
            return Refusal.Invalid("report.recovery-due", "acceptedOn", "Reversement au prorata des dépenses réelles",
                $"Le compte rendu ne peut pas être accepté en l'état : {Money.Format(settlement.Recovery)} ont été versés au-delà des {Money.Format(settlement.Entitled)} dus ; ordonnez un reversement.");
        }

        var checks = new[]
        {
            Checks.NotInFuture(c.AcceptedOn, now, "acceptedOn", "La date d'acceptation"),
            Checks.NotBefore(c.AcceptedOn, report.ReceivedOn, "acceptedOn", "L'acceptation", "la réception du compte rendu"),
        };
        return OkOr(checks, [new ReportAccepted(c.AcceptedOn) { At = now }, .. Release(request, state.CreditsCommitted - state.Payments.AmountPaid, "solde non versé", now)]);
    }

    private static Result<Events> Recovery(Dossier state, GrantRequest request, OrderRecovery c, DateTimeOffset now)
    {
        decimal amount;
        if (c.Reason == RecoveryReason.CostsShortfall)
        {
            if (state is not { Stage: DossierStage.ReportReceived, Report: { } report })
            {
                return Refusal.Invalid("recovery.shortfall-needs-report", "reason", "Prorata calculé sur le compte rendu",
                    "Un reversement pour dépenses inférieures au budget se calcule sur le compte rendu financier reçu.");
            }

            amount = CurrentSettlement(state, report).Recovery;
            if (amount <= 0)
            {
                return Refusal.Invalid("recovery.nothing-due", "reason", "Reversement au prorata des dépenses réelles",
                    "Aucun trop-perçu : les dépenses réelles justifient les sommes versées.");
            }
        }
        else
        {
            if (c.Amount is not { } given)
            {
                return Refusal.Invalid("recovery.amount-required", "amount", "Montant du reversement", "Indiquez le montant à reverser.");
            }

            var refusal = Money.Check(given, "amount") ?? (given > state.Payments.AmountPaid
                ? Refusal.Invalid("recovery.above-paid", "amount", "Reversement au plus égal aux sommes versées",
                    $"Le reversement demandé ({Money.Format(given)}) dépasse les sommes versées ({Money.Format(state.Payments.AmountPaid)}).")
                : null);
            if (refusal is not null)
            {
                return refusal;
            }

            amount = given;
        }

        var since = state.EndedOn ?? state.Report?.ReceivedOn ?? state.Notification?.NotifiedOn;
        return OkOr(
            [
                Checks.NotInFuture(c.OrderedOn, now, "orderedOn", "La date du titre de recette"),
                Checks.NotBefore(c.OrderedOn, since, "orderedOn", "Le titre de recette", "l'étape précédente"),
            ],
            [
                new RecoveryOrdered(c.OrderedOn, c.Reason, amount) { At = now },
                .. Release(request, state.CreditsCommitted - (state.Payments.AmountPaid - amount), "reversement", now),
            ]);
    }

    private static Result<Events> Notice(Dossier state, SendFormalNotice c, DateTimeOffset now)
    {
        var expires = FrenchCalendar.MonthsPeriodLastDay(c.SentOn, 1, state.Policy.Territory);
        return OkOr(
            [
                Checks.Text(c.Breach, "breach", 2000, "Le manquement constaté"),
                Checks.NotInFuture(c.SentOn, now, "sentOn", "La date de la mise en demeure"),
                Checks.NotBefore(c.SentOn, state.Signature?.AuthoritySignedOn ?? state.Receipt?.ReceivedOn, "sentOn", "La mise en demeure", "la convention"),
            ],
            new FormalNoticeSent(c.SentOn, c.Breach, expires) { At = now });
    }

    private static Result<Events> LiftNotice(FormalNoticeSent notice, LiftFormalNotice c, DateTimeOffset now) =>
        OkOr(
            [
                Checks.Text(c.Reason, "reason", 2000, "Le motif de la levée"),
                Checks.NotInFuture(c.On, now, "on", "La date de levée"),
                Checks.NotBefore(c.On, notice.SentOn, "on", "La levée", "la mise en demeure"),
            ],
            new FormalNoticeLifted(c.On, c.Reason) { At = now });

    private static Result<Events> Termination(Dossier state, GrantRequest request, FormalNoticeSent notice, Terminate c, DateTimeOffset now)
    {
        if (c.TerminatedOn <= notice.ExpiresOn)
        {
            return Refusal.Invalid("termination.notice-running", "terminatedOn", "Préavis d'un mois après mise en demeure",
                $"La résiliation n'est possible qu'après le {Checks.Show(notice.ExpiresOn)}, fin du préavis d'un mois suivant la mise en demeure du {Checks.Show(notice.SentOn)}.");
        }

        return OkOr(
            [Checks.NotInFuture(c.TerminatedOn, now, "terminatedOn", "La date de résiliation")],
            [new Terminated(c.TerminatedOn) { At = now }, .. Release(request, state.CreditsCommitted - state.Payments.AmountPaid, "résiliation", now)]);
    }

    /// <summary>Seed 004, art. 8: termination without notice nor compensation when the beneficiary made false or incomplete declarations.</summary>
    private static Result<Events> TerminationWithoutNotice(Dossier state, GrantRequest request, TerminateForFalseDeclarations c, DateTimeOffset now) =>
        OkOr(
            [
                Checks.Text(c.Grounds, "grounds", 2000, "Les déclarations fausses ou incomplètes constatées"),
                Checks.NotInFuture(c.TerminatedOn, now, "terminatedOn", "La date de résiliation"),
                Checks.NotBefore(c.TerminatedOn, state.Signature?.AuthoritySignedOn, "terminatedOn", "La résiliation", "la signature de la convention"),
            ],
            [new TerminatedWithoutNotice(c.TerminatedOn, c.Grounds) { At = now }, .. Release(request, state.CreditsCommitted - state.Payments.AmountPaid, "résiliation", now)]);

    private static Result<Events> Withdrawal(Dossier state, GrantRequest request, Withdraw c, DateTimeOffset now) =>
        OkOr(
            [
                Checks.Text(c.Reason, "reason", 2000, "Le motif du retrait"),
                Checks.NotInFuture(c.On, now, "on", "La date du retrait"),
                Checks.NotBefore(c.On, request.ReceivedOn, "on", "Le retrait", "la réception de la demande"),
            ],
            [new Withdrawn(c.On, c.Reason) { At = now }, .. Release(request, state.CreditsCommitted, "retrait", now)]);

    private static Result<Events> Attach(AttachDocument c, DateTimeOffset now) =>
        OkOr(
            [
                Checks.Text(c.DocumentId, "documentId", 100, "L'identifiant du document"),
                Checks.Text(c.FileName, "fileName", 200, "Le nom du fichier"),
                Checks.Text(c.BlobName, "blobName", 1024, "L'emplacement du document"),
                c.Size > 0 ? null : Refusal.Invalid("document.empty", "file", "Document non vide", "Le document est vide."),
                c.Sha256.Length == 64 && c.Sha256.All(char.IsAsciiHexDigitLower)
                    ? null
                    : Refusal.Invalid("document.hash", "sha256", "Empreinte SHA-256", "L'empreinte SHA-256 du document est invalide."),
            ],
            new DocumentAttached(c.DocumentId, c.Kind, c.FileName, c.ContentType, c.Size, c.Sha256, c.BlobName) { At = now });

    private static Result<Events> Reach(Dossier state, GrantRequest request, DeadlineReached c, DateTimeOffset now)
    {
        var deadline = DeadlineSchedule.Of(state).FirstOrDefault(d => d.Id == c.DeadlineId);
        if (deadline is null)
        {
            return Result<Events>.Ok([]);
        }

        if (now < deadline.DueAt)
        {
            return Refusal.WrongStage("deadline.not-due", "Échéance atteinte",
                $"L'échéance {deadline.Id} n'est atteinte que le {deadline.DueAt:yyyy-MM-dd HH:mm} UTC.");
        }

        return deadline.Kind switch
        {
            DeadlineKind.PaymentWindow => Ok([new Lapsed(deadline.Day) { At = now }, .. Release(request, state.CreditsCommitted - state.Payments.AmountPaid, "caducité", now)]),
            DeadlineKind.ReportDue => Ok(new ReportOverdue(deadline.Day) { At = now }),
            DeadlineKind.ConventionEnd => Ok(new ConventionEnded(deadline.Day) { At = now }),
            DeadlineKind.FormalNoticeExpiry => Ok(new FormalNoticeExpired(deadline.Day) { At = now }),
            DeadlineKind.ReferralWindow => Ok(new ReferralWindowClosed(deadline.Day) { At = now }),
            DeadlineKind.Reminder when deadline is { RemindsOf: { } of, RemindsOfDay: { } day, DaysBefore: { } before } => IsStale(state, deadline, now)
                ? Ok(new ReminderSkipped(deadline.Id, of, day, before) { At = now })
                : Ok(new ReminderDue(deadline.Id, of, day, before) { At = now }),
            _ => throw new InvalidOperationException($"The deadline {deadline.Id} has no action."),
        };
    }

    /// <summary>
    /// A reminder caught up late announces nothing useful: the day it reminds of is over (only the overdue event and its
    /// notice matter then), or a nearer reminder of the same deadline is already due (one reminder, the latest, is enough).
    /// </summary>
    private static bool IsStale(Dossier state, Deadline reminder, DateTimeOffset now) =>
        FrenchCalendar.ParisDate(now) > reminder.RemindsOfDay
        || DeadlineSchedule.Of(state).Any(d => d.Kind == DeadlineKind.Reminder && d.RemindsOf == reminder.RemindsOf
            && d.RemindsOfDay == reminder.RemindsOfDay && d.DaysBefore < reminder.DaysBefore && d.DueAt <= now);

    /// <summary>The settlement with what has been paid since the report came in.</summary>
    private static Settlement CurrentSettlement(Dossier state, ReceivedReport report) =>
        BudgetRules.Settle(state.AmountVoted, state.GrantRate, report.Settlement.RealEligibleCosts, state.Payments.AmountPaid);

    private static IEnumerable<DossierEvent> Release(GrantRequest request, decimal amount, string reason, DateTimeOffset now) =>
        amount > 0 ? [new CreditsReleased(request.BudgetLine.Code, request.BudgetLine.Year, amount, reason) { At = now }] : [];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static Result<Events> Ok(params DossierEvent[] events) => Result<Events>.Ok(events);

    private static Result<Events> OkOr(IEnumerable<Refusal?> checks, params DossierEvent[] events)
    {
        var refusals = checks.OfType<Refusal>().ToList();
        return refusals.Count > 0 ? Result<Events>.Refused(refusals) : Result<Events>.Ok(events);
    }
}
