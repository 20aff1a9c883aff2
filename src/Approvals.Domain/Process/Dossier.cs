namespace Approvals.Domain;

/// <summary>
/// A dossier's state: what <see cref="Workflow.Evolve"/> makes of its register. Never changed in place; the
/// register of events is the truth and this is its fold.
/// </summary>
public sealed record Dossier
{
    public static Dossier Empty { get; } = new();

    public DossierStage Stage { get; init; } = DossierStage.None;

    /// <summary>How many events the register holds.</summary>
    public long Version { get; init; }

    public DossierNumber? Number { get; init; }

    public GrantRequest? Request { get; init; }

    public ProcessPolicy Policy { get; init; } = ProcessPolicy.Default;

    public DateTimeOffset? SubmittedAt { get; init; }

    public DossierEvent.VoteRecorded? Vote { get; init; }

    public decimal AmountVoted { get; init; }

    /// <summary>Credits committed against the budget line and not yet released.</summary>
    public decimal CreditsCommitted { get; init; }

    public DossierEvent.TransmissionRecorded? Transmission { get; init; }

    public IReadOnlyList<DossierEvent.TransmissionFailed> TransmissionFailures { get; init; } = [];

    public ActesId? ActesId { get; init; }

    public DateOnly? AcknowledgedOn { get; init; }

    public IReadOnlyList<DossierEvent.PrefectureLetterReceived> PrefectureLetters { get; init; } = [];

    public bool AwaitingAdditionalDocuments { get; init; }

    /// <summary>The stage to return to when a formal notice is lifted or the court does not annul.</summary>
    public DossierStage? ResumeStage { get; init; }

    public DossierEvent.ConventionSigned? Signature { get; init; }

    public DateOnly? NotifiedOn { get; init; }

    public DateOnly? PaymentWindowLastDay { get; init; }

    public IReadOnlyList<DossierEvent.PaymentRequested> PaymentRequests { get; init; } = [];

    public decimal AmountRequestedForPayment { get; init; }

    public IReadOnlyList<DossierEvent.PaymentRecorded> Payments { get; init; } = [];

    public decimal AmountPaid { get; init; }

    public DateOnly? ReportReceivedOn { get; init; }

    public Settlement? Settlement { get; init; }

    /// <summary>The due day of a final report still missing after it.</summary>
    public DateOnly? ReportOverdueSince { get; init; }

    public decimal AmountRecovered { get; init; }

    public RecoveryReason? RecoveryReason { get; init; }

    public DossierEvent.FormalNoticeSent? FormalNotice { get; init; }

    public bool FormalNoticeExpired { get; init; }

    /// <summary>The date the dossier reached an end (closed, lapsed, withdrawn…): the retention of its documents counts from it.</summary>
    public DateOnly? EndedOn { get; init; }

    public IReadOnlyList<DossierEvent.DocumentAttached> Documents { get; init; } = [];

    /// <summary>Deadlines already acted upon, so that the clock never acts twice.</summary>
    public IReadOnlyList<string> FiredDeadlines { get; init; } = [];

    public bool IsEnded => Stage is DossierStage.Closed or DossierStage.RecoveryOrdered or DossierStage.Rejected
        or DossierStage.Withdrawn or DossierStage.Lapsed or DossierStage.Terminated or DossierStage.Annulled;

    /// <summary>Grant rate: voted (or, before the vote, requested) amount over the budget's total expenses.</summary>
    public decimal GrantRate => Request is null || Request.Budget.TotalExpenses == 0
        ? 0
        : BudgetRules.GrantRate(Vote is null ? Request.AmountRequested : AmountVoted, Request.Budget.TotalExpenses);
}
