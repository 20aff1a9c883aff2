namespace Approvals.Domain;

using static DossierStage;

/// <summary>
/// The transition table: the single source for which command is legal in which stage, for the actions the UI
/// offers and for the generated stage diagram. Moves that keep the stage (payments, letters, documents) are listed
/// with <c>To == From</c>.
/// </summary>
public static class Transitions
{
    /// <summary>Stages in which the convention is running: a formal notice may be sent, the prefecture may still write.</summary>
    public static readonly IReadOnlyList<DossierStage> ConventionRunning = [Signed, Notified, PaymentRequested, ReportReceived];

    /// <summary>Stages in which the act has been received at the prefecture and the dossier runs: the legality control goes on.</summary>
    public static readonly IReadOnlyList<DossierStage> AfterAcknowledgment = [Enforceable, .. ConventionRunning];

    private static readonly IReadOnlyList<DossierStage> Open =
        [Submitted, Adopted, Transmitted, Enforceable, Signed, Notified, PaymentRequested, ReportReceived, FormalNotice, Suspended];

    private static readonly IReadOnlyList<DossierStage> Ends = [Closed, RecoveryOrdered, Rejected, Withdrawn, Lapsed, Terminated, Annulled];

    public static IReadOnlyList<Transition> All { get; } =
    [
        new(None, nameof(DossierCommand.SubmitRequest), Submitted),
        new(Submitted, nameof(DossierCommand.RecordRepublicanCommitment), Submitted),
        new(Submitted, nameof(DossierCommand.RecordSessionWithoutQuorum), Submitted),
        new(Submitted, nameof(DossierCommand.RequestDocuments), Submitted),
        new(Submitted, nameof(DossierCommand.AnswerDocumentsRequest), Submitted),
        new(Submitted, nameof(DossierCommand.RecordVote), Adopted),
        new(Submitted, nameof(DossierCommand.RecordVote), Rejected),
        new(Adopted, nameof(DossierCommand.RecordTransmission), Transmitted),
        new(Transmitted, nameof(DossierCommand.RecordTransmissionFailure), Adopted),
        new(Transmitted, nameof(DossierCommand.AcknowledgeReceipt), Enforceable),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.RecordPrefectureLetter), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.SendAdditionalDocuments), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.AnswerObservations), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.RecordPublication), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.RecordCourtReferral), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.RecordSuspensionOrder), Suspended)),
        .. AfterAcknowledgment.Select(s => new Transition(Suspended, nameof(DossierCommand.LiftSuspension), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.RecordCourtDecision), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, nameof(DossierCommand.RecordCourtDecision), Annulled)),
        .. AfterAcknowledgment.Select(s => new Transition(Suspended, nameof(DossierCommand.RecordCourtDecision), s)),
        new(Suspended, nameof(DossierCommand.RecordCourtDecision), Annulled),
        new(Enforceable, nameof(DossierCommand.SignConvention), Signed),
        new(Enforceable, nameof(DossierCommand.Notify), Notified),
        new(Signed, nameof(DossierCommand.Notify), Notified),
        new(Notified, nameof(DossierCommand.RequestPayment), PaymentRequested),
        new(Notified, nameof(DossierCommand.DeadlineReached), Lapsed),
        new(Notified, nameof(DossierCommand.RecordPayment), Notified),
        new(PaymentRequested, nameof(DossierCommand.RequestPayment), PaymentRequested),
        new(PaymentRequested, nameof(DossierCommand.RecordPayment), PaymentRequested),
        new(PaymentRequested, nameof(DossierCommand.ReceiveReport), ReportReceived),
        new(ReportReceived, nameof(DossierCommand.RecordPayment), ReportReceived),
        new(ReportReceived, nameof(DossierCommand.AcceptReport), Closed),
        new(ReportReceived, nameof(DossierCommand.OrderRecovery), RecoveryOrdered),
        .. ConventionRunning.Select(s => new Transition(s, nameof(DossierCommand.SendFormalNotice), FormalNotice)),
        .. ConventionRunning.Select(s => new Transition(FormalNotice, nameof(DossierCommand.LiftFormalNotice), s)),
        new(FormalNotice, nameof(DossierCommand.Terminate), Terminated),
        .. ConventionRunning.Append(FormalNotice).Select(s => new Transition(s, nameof(DossierCommand.TerminateForFalseDeclarations), Terminated)),
        new(Lapsed, nameof(DossierCommand.OrderRecovery), RecoveryOrdered),
        new(Closed, nameof(DossierCommand.OrderRecovery), RecoveryOrdered),
        new(Terminated, nameof(DossierCommand.OrderRecovery), RecoveryOrdered),
        new(Annulled, nameof(DossierCommand.OrderRecovery), RecoveryOrdered),
        .. new[] { Submitted, Adopted, Transmitted, Enforceable, Signed, Notified }
            .Select(s => new Transition(s, nameof(DossierCommand.Withdraw), Withdrawn)),
        .. new[] { Enforceable, Notified, PaymentRequested, ReportReceived, Signed, FormalNotice }
            .Select(s => new Transition(s, nameof(DossierCommand.DeadlineReached), s)),
        .. Open.Concat(Ends).Select(s => new Transition(s, nameof(DossierCommand.AttachDocument), s)),
    ];

    /// <summary>The names of the commands legal in <paramref name="stage"/>, in table order, without repeats.</summary>
    public static IReadOnlyList<string> CommandsFrom(DossierStage stage) =>
        All.Where(t => t.From == stage).Select(t => t.Command).Distinct().ToList();

    public static bool Allows(DossierStage stage, string command) =>
        All.Any(t => t.From == stage && t.Command == command);

    public static string NameOf(DossierCommand command) => command.GetType().Name;
}
