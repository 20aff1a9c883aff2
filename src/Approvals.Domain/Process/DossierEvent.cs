namespace Approvals.Domain;

/// <summary>What happened to a dossier: the register is the list of these, never rewritten. Each carries its instant.</summary>
public abstract record DossierEvent
{
    private DossierEvent()
    {
    }

    public required DateTimeOffset At { get; init; }

    public sealed record RequestSubmitted(DossierNumber Number, GrantRequest Request, ProcessPolicy Policy) : DossierEvent;

    public sealed record RepublicanCommitmentRecorded(DateOnly SignedOn, string Signatory) : DossierEvent;

    /// <summary>A session without quorum: <paramref name="Quorum"/> is what the rules of its date required.</summary>
    public sealed record SessionWithoutQuorum(DateOnly SessionDate, string Assembly, int MembersInOffice, int Present, int Represented, int Quorum) : DossierEvent;

    public sealed record VoteRecorded(
        string ReportNumber,
        string Rapporteur,
        string Assembly,
        DateOnly SessionDate,
        Attendance Attendance,
        Tally Tally,
        bool SecretBallot,
        bool? PresidentVotesFor,
        VoteCount Count,
        decimal AmountVoted,
        SessionOfficers? Officers = null) : DossierEvent;

    public sealed record CreditsCommitted(string BudgetLineCode, int Year, decimal Amount) : DossierEvent;

    public sealed record CreditsReleased(string BudgetLineCode, int Year, decimal Amount, string Reason) : DossierEvent;

    public sealed record TransmissionRecorded(DateOnly SentOn, string Platform) : DossierEvent;

    public sealed record TransmissionFailed(DateOnly On, string Reason) : DossierEvent;

    public sealed record ReceiptAcknowledged(ActesId ActesId, DateOnly ReceivedOn) : DossierEvent;

    public sealed record PrefectureLetterReceived(DateOnly ReceivedOn, PrefectureLetterKind Kind, string Summary) : DossierEvent;

    public sealed record AdditionalDocumentsSent(DateOnly SentOn, DateOnly? ReceivedOn = null) : DossierEvent;

    public sealed record ObservationsAnswered(DateOnly ReceivedOn, string Summary) : DossierEvent;

    public sealed record DecisionPublished(DateOnly PublishedOn, string Medium) : DossierEvent;

    public sealed record CourtReferralRecorded(DateOnly LodgedOn, bool SuspensionRequested, string Summary) : DossierEvent;

    public sealed record SuspensionOrdered(DateOnly OrderedOn, string Summary) : DossierEvent;

    public sealed record SuspensionLifted(DateOnly On, string Summary) : DossierEvent;

    public sealed record CourtDecisionRecorded(DateOnly DecidedOn, bool Annulled, string Summary) : DossierEvent;

    /// <summary>The prefect's two months ran out without a referral: the act can no longer be referred (CGCT L2131-6).</summary>
    public sealed record ReferralWindowClosed(DateOnly LastDay) : DossierEvent;

    public sealed record ConventionSigned(
        DateOnly AuthoritySignedOn,
        string AuthoritySignatory,
        DateOnly BeneficiarySignedOn,
        string BeneficiarySignatory) : DossierEvent;

    public sealed record Notified(DateOnly NotifiedOn, DateOnly PaymentWindowLastDay) : DossierEvent;

    public sealed record PaymentRequested(DateOnly ReceivedOn, decimal Amount) : DossierEvent;

    public sealed record PaymentRecorded(DateOnly PaidOn, decimal Amount, string Reference) : DossierEvent;

    public sealed record ReportReceived(DateOnly ReceivedOn, Settlement Settlement) : DossierEvent
    {
        /// <summary>The financial and activity report as filed on the portal; null when an agent recorded a report received otherwise.</summary>
        public FinalReport? Report { get; init; }
    }

    public sealed record ReportAccepted(DateOnly AcceptedOn) : DossierEvent;

    public sealed record RecoveryOrdered(DateOnly OrderedOn, RecoveryReason Reason, decimal Amount) : DossierEvent;

    public sealed record FormalNoticeSent(DateOnly SentOn, string Breach, DateOnly ExpiresOn) : DossierEvent;

    public sealed record FormalNoticeLifted(DateOnly On, string Reason) : DossierEvent;

    public sealed record FormalNoticeExpired(DateOnly ExpiredOn) : DossierEvent;

    public sealed record Terminated(DateOnly TerminatedOn) : DossierEvent;

    public sealed record TerminatedWithoutNotice(DateOnly TerminatedOn, string Grounds) : DossierEvent;

    public sealed record Withdrawn(DateOnly On, string Reason) : DossierEvent;

    /// <summary>The payment window closed without a payment request: the grant is réputée caduque.</summary>
    public sealed record Lapsed(DateOnly WindowLastDay) : DossierEvent;

    public sealed record ReportOverdue(DateOnly DueOn) : DossierEvent;

    public sealed record ConventionEnded(DateOnly EndedOn) : DossierEvent;

    /// <summary>A reminder is due: the outbox turns it into e-mails.</summary>
    public sealed record ReminderDue(string DeadlineId, DeadlineKind RemindsOf, DateOnly DeadlineDay, int DaysBefore) : DossierEvent;

    /// <summary>
    /// A reminder reached too late to be of use (the clock was down, or the dossier was entered after the facts): the
    /// deadline it announces has passed, or a nearer reminder of the same deadline is due too. Recorded, not e-mailed.
    /// </summary>
    public sealed record ReminderSkipped(string DeadlineId, DeadlineKind RemindsOf, DateOnly DeadlineDay, int DaysBefore) : DossierEvent;

    /// <summary>Documents asked of the applicant on <paramref name="RequestedOn"/> (Paris): the implicit decision's period waits for them (CRPA L114-5).</summary>
    public sealed record DocumentsRequested(IReadOnlyList<DocumentKind> Documents, string Message, DateOnly RequestedOn) : DossierEvent;

    /// <summary>The applicant sent what was asked, received on <paramref name="ReceivedOn"/> (Paris): the period runs from it.</summary>
    public sealed record DocumentsRequestAnswered(string Message, DateOnly ReceivedOn) : DossierEvent;

    public sealed record DocumentAttached(
        string DocumentId,
        DocumentKind Kind,
        string FileName,
        string ContentType,
        long Size,
        string Sha256,
        string BlobName) : DossierEvent;
}
