namespace Approvals.Domain;

/// <summary>Everything that can be asked of a dossier. Dates of acts are Paris calendar dates.</summary>
public abstract record DossierCommand
{
    private DossierCommand()
    {
    }

    /// <summary>The case officer enters the request; the application assigns the readable number.</summary>
    public sealed record SubmitRequest(DossierNumber Number, GrantRequest Request, ProcessPolicy Policy) : DossierCommand;

    /// <summary>
    /// The assembly secretariat records the session and the vote. <paramref name="AvailableCredits"/> is what the budget
    /// line still has (the application reads it); an adopted vote commits <paramref name="AmountVoted"/> against it.
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
        decimal AvailableCredits) : DossierCommand;

    public sealed record RecordTransmission(DateOnly SentOn, string Platform) : DossierCommand;

    /// <summary>The platform reports an error, or the transmission was cancelled: the act must be sent again.</summary>
    public sealed record RecordTransmissionFailure(DateOnly On, string Reason) : DossierCommand;

    /// <summary>The prefecture's acknowledgment (accusé de réception) makes the act enforceable.</summary>
    public sealed record AcknowledgeReceipt(string ActesId, DateOnly ReceivedOn) : DossierCommand;

    public sealed record RecordPrefectureLetter(DateOnly ReceivedOn, PrefectureLetterKind Kind, string Summary) : DossierCommand;

    /// <summary>The documents the prefecture asked for were sent: the legality-control period runs again.</summary>
    public sealed record SendAdditionalDocuments(DateOnly SentOn) : DossierCommand;

    /// <summary>The administrative court's decision on a referral: an annulment ends the dossier, otherwise it resumes.</summary>
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

    public sealed record ReceiveReport(DateOnly ReceivedOn, decimal RealEligibleCosts) : DossierCommand;

    public sealed record AcceptReport(DateOnly AcceptedOn) : DossierCommand;

    /// <summary>A recovery order (titre de recette). For a costs shortfall the amount is the settlement's; otherwise it is given, up to what was paid.</summary>
    public sealed record OrderRecovery(DateOnly OrderedOn, RecoveryReason Reason, decimal? Amount) : DossierCommand;

    public sealed record SendFormalNotice(DateOnly SentOn, string Breach) : DossierCommand;

    public sealed record LiftFormalNotice(DateOnly On, string Reason) : DossierCommand;

    /// <summary>Résiliation: only once the month given by the formal notice has run out.</summary>
    public sealed record Terminate(DateOnly TerminatedOn) : DossierCommand;

    public sealed record Withdraw(DateOnly On, string Reason) : DossierCommand;

    public sealed record AttachDocument(
        string DocumentId,
        DocumentKind Kind,
        string FileName,
        string ContentType,
        long Size,
        string Sha256,
        string BlobName) : DossierCommand;

    /// <summary>Sent by the clock when a deadline's instant has come.</summary>
    public sealed record DeadlineReached(string DeadlineId) : DossierCommand;
}
