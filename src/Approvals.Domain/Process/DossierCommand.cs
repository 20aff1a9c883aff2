namespace Approvals.Domain;

/// <summary>Everything that can be asked of a dossier. Dates of acts are Paris calendar dates.</summary>
public abstract record DossierCommand
{
    private DossierCommand()
    {
    }

    /// <summary>
    /// The case officer enters the request; the application assigns the readable number. <paramref name="OtherGrantsThisYear"/>
    /// is what the authority already granted the same beneficiary for the same year (the application looks it up), for
    /// the 23 000 € convention threshold.
    /// </summary>
    public sealed record SubmitRequest(DossierNumber Number, GrantRequest Request, ProcessPolicy Policy, decimal OtherGrantsThisYear = 0) : DossierCommand;

    /// <summary>The association's or foundation's contrat d'engagement républicain, signed after the request was entered.</summary>
    public sealed record RecordRepublicanCommitment(DateOnly SignedOn, string Signatory) : DossierCommand;

    /// <summary>A session at which the quorum was not reached: the body is convened again at least three days later (CGCT L2121-17).</summary>
    public sealed record RecordSessionWithoutQuorum(DateOnly SessionDate, string Assembly, int MembersInOffice, int Present, int Represented) : DossierCommand;

    /// <summary>
    /// The assembly secretariat records the session and the vote. <paramref name="AvailableCredits"/> is what the budget
    /// line still has (the application reads it); an adopted vote commits <paramref name="AmountVoted"/> against it.
    /// <paramref name="Officers"/>: who presided and who was secretary. <paramref name="OtherGrantsThisYear"/>: what the
    /// authority already granted the same beneficiary for the same year (the application reads it).
    /// </summary>
    public sealed record RecordVote(
        string ReportNumber,
        string Rapporteur,
        string Assembly,
        DateOnly SessionDate,
        Attendance Attendance,
        Tally Tally,
        bool SecretBallot,
        bool? PresidentVotesFor,
        decimal AmountVoted,
        decimal AvailableCredits,
        SessionOfficers? Officers = null,
        decimal OtherGrantsThisYear = 0) : DossierCommand;

    public sealed record RecordTransmission(DateOnly SentOn, string Platform) : DossierCommand;

    /// <summary>The platform reports an error, or the transmission was cancelled: the act must be sent again.</summary>
    public sealed record RecordTransmissionFailure(DateOnly On, string Reason) : DossierCommand;

    /// <summary>The prefecture's acknowledgment (accusé de réception) makes the act enforceable.</summary>
    public sealed record AcknowledgeReceipt(string ActesId, DateOnly ReceivedOn) : DossierCommand;

    public sealed record RecordPrefectureLetter(DateOnly ReceivedOn, PrefectureLetterKind Kind, string Summary) : DossierCommand;

    /// <summary>
    /// The documents the prefecture asked for were sent; <paramref name="ReceivedOn"/> is the prefecture's receipt (the
    /// sending day when not given: the platforms acknowledge on the day). The two-month window runs again from it.
    /// </summary>
    public sealed record SendAdditionalDocuments(DateOnly SentOn, DateOnly? ReceivedOn = null) : DossierCommand;

    /// <summary>The authority's answer to the prefect's letter of observations (recours gracieux), received at the prefecture on <paramref name="ReceivedOn"/>.</summary>
    public sealed record AnswerObservations(DateOnly ReceivedOn, string Summary) : DossierCommand;

    /// <summary>The deliberation was published (CGCT L2131-1): with the transmission, it makes the act enforceable.</summary>
    public sealed record RecordPublication(DateOnly PublishedOn, string Medium) : DossierCommand;

    /// <summary>
    /// The prefect referred the act to the administrative court (déféré, CGCT L2131-6), with or without a request for
    /// its suspension. The referral itself suspends nothing.
    /// </summary>
    public sealed record RecordCourtReferral(DateOnly LodgedOn, bool SuspensionRequested, string Summary) : DossierCommand;

    /// <summary>The judge ordered the act's suspension (CGCT L2131-6, al. 3 and following): the dossier stops until it is lifted or judged.</summary>
    public sealed record RecordSuspensionOrder(DateOnly OrderedOn, string Summary) : DossierCommand;

    /// <summary>The suspension ended (order lifted or set aside on appeal): the dossier resumes where it stood.</summary>
    public sealed record LiftSuspension(DateOnly On, string Summary) : DossierCommand;

    /// <summary>The court's judgment on the referral: an annulment ends the grant, a rejection keeps it (and ends any suspension).</summary>
    public sealed record RecordCourtDecision(DateOnly DecidedOn, bool Annulled, string Summary) : DossierCommand;

    public sealed record SignConvention(
        DateOnly AuthoritySignedOn,
        string AuthoritySignatory,
        DateOnly BeneficiarySignedOn,
        string BeneficiarySignatory) : DossierCommand;

    /// <summary>The signed convention (or, without one, the decision) is notified: the payment window opens.</summary>
    public sealed record Notify(DateOnly NotifiedOn) : DossierCommand;

    public sealed record RequestPayment(DateOnly ReceivedOn, decimal Amount) : DossierCommand;

    public sealed record RecordPayment(DateOnly PaidOn, decimal Amount, string Reference) : DossierCommand;

    /// <summary>The final report received; <see cref="Report"/> carries its content when the beneficiary filed it on the portal.</summary>
    public sealed record ReceiveReport(DateOnly ReceivedOn, decimal RealEligibleCosts) : DossierCommand
    {
        public FinalReport? Report { get; init; }
    }

    public sealed record AcceptReport(DateOnly AcceptedOn) : DossierCommand;

    /// <summary>A recovery order (titre de recette). For a costs shortfall the amount is the settlement's; otherwise it is given, up to what was paid.</summary>
    public sealed record OrderRecovery(DateOnly OrderedOn, RecoveryReason Reason, decimal? Amount) : DossierCommand;

    public sealed record SendFormalNotice(DateOnly SentOn, string Breach) : DossierCommand;

    public sealed record LiftFormalNotice(DateOnly On, string Reason) : DossierCommand;

    /// <summary>Résiliation: only once the month given by the formal notice has run out.</summary>
    public sealed record Terminate(DateOnly TerminatedOn) : DossierCommand;

    /// <summary>Résiliation without notice: the beneficiary made false or incomplete declarations to obtain the grant (seed 004, art. 8).</summary>
    public sealed record TerminateForFalseDeclarations(DateOnly TerminatedOn, string Grounds) : DossierCommand;

    public sealed record Withdraw(DateOnly On, string Reason) : DossierCommand;

    public sealed record AttachDocument(
        string DocumentId,
        DocumentKind Kind,
        string FileName,
        string ContentType,
        long Size,
        string Sha256,
        string BlobName) : DossierCommand;

    /// <summary>
    /// The case officer asks the applicant for missing documents (CRPA L114-5): which ones, and a message in free text.
    /// The register records who asked and when.
    /// </summary>
    public sealed record RequestDocuments(IReadOnlyList<DocumentKind> Documents, string Message) : DossierCommand;

    /// <summary>The applicant answers the request for documents, once every document asked for is attached since the request.</summary>
    public sealed record AnswerDocumentsRequest(string Message) : DossierCommand;

    /// <summary>Sent by the clock when a deadline's instant has come.</summary>
    public sealed record DeadlineReached(string DeadlineId) : DossierCommand;
}
