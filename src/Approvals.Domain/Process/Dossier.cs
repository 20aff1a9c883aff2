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

    /// <summary>Sessions at which the quorum was not reached: a later one, three days on at least, deliberates without quorum.</summary>
    public IReadOnlyList<DossierEvent.SessionWithoutQuorum> FailedSessions { get; init; } = [];

    public DossierEvent.VoteRecorded? Vote { get; init; }

    /// <summary>The amount granted: what an adopted vote gave, nothing before or after a rejection.</summary>
    public decimal AmountVoted => Vote is { Count.Outcome: VoteOutcome.Adopted } vote ? vote.AmountVoted : 0;

    /// <summary>Credits committed against the budget line and not yet released.</summary>
    public decimal CreditsCommitted { get; init; }

    public DossierEvent.TransmissionRecorded? Transmission { get; init; }

    public IReadOnlyList<DossierEvent.TransmissionFailed> TransmissionFailures { get; init; } = [];

    /// <summary>The act's receipt at the prefecture and the legality control after it.</summary>
    public PrefectureReceipt? Receipt { get; init; }

    /// <summary>The deliberation's publication, when the authority published it (CGCT L2131-1).</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The stage to return to when a formal notice or a suspension is lifted, or the court does not annul.</summary>
    public DossierStage? ResumeStage { get; init; }

    public DossierEvent.ConventionSigned? Signature { get; init; }

    public Notification? Notification { get; init; }

    public PaymentLedger Payments { get; init; } = PaymentLedger.Empty;

    public decimal AmountPaid => Payments.AmountPaid;

    public ReceivedReport? Report { get; init; }

    /// <summary>The due day of a final report still missing after it.</summary>
    public DateOnly? ReportOverdueSince { get; init; }

    public Recovery? Recovery { get; init; }

    public decimal AmountRecovered => Recovery?.Amount ?? 0;

    public FormalNoticeTerm? FormalNotice { get; init; }

    /// <summary>The date the dossier reached an end (closed, lapsed, withdrawn…): the retention of its documents counts from it.</summary>
    public DateOnly? EndedOn { get; init; }

    public IReadOnlyList<DossierEvent.DocumentAttached> Documents { get; init; } = [];

    /// <summary>The request for documents still waiting for the applicant's answer.</summary>
    public DossierEvent.DocumentsRequested? DocumentsRequest { get; init; }

    /// <summary>The applicant's last answer to a request for documents.</summary>
    public DossierEvent.DocumentsRequestAnswered? DocumentsAnswer { get; init; }

    /// <summary>Deadlines already acted upon, so that the clock never acts twice.</summary>
    public IReadOnlyList<string> FiredDeadlines { get; init; } = [];

    /// <summary>A referral lodged and not yet judged.</summary>
    public bool ReferralPending => Receipt?.Referral is { Pending: true };

    /// <summary>
    /// The day the deliberation became enforceable (CGCT L2131-1): once received at the prefecture and brought to the
    /// beneficiary's knowledge, by its notification (an individual decision) or its publication, whichever came first.
    /// Null before both.
    /// </summary>
    public DateOnly? EnforceableOn => Receipt?.ReceivedOn is { } received && Earliest(Notification?.NotifiedOn, PublishedOn) is { } known
        ? (received > known ? received : known)
        : null;

    public bool IsEnded => Stage is DossierStage.Closed or DossierStage.RecoveryOrdered or DossierStage.Rejected
        or DossierStage.Withdrawn or DossierStage.Lapsed or DossierStage.Terminated or DossierStage.Annulled;

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Grant rate: voted (or, before the vote, requested) amount over the budget's total expenses.</summary>
    public decimal GrantRate => Request is null || Request.Budget.TotalExpenses == 0
        ? 0
        : BudgetRules.GrantRate(Vote is null ? Request.AmountRequested : AmountVoted, Request.Budget.TotalExpenses);
}
