namespace Approvals.Domain;

using static DossierStage;

/// <summary>
/// The transition table, keyed by the command's record type: the single source for which command is legal in which stage, for the actions the UI
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
        new(None, typeof(DossierCommand.SubmitRequest), Submitted),
        new(Submitted, typeof(DossierCommand.RecordRepublicanCommitment), Submitted),
        new(Submitted, typeof(DossierCommand.RecordSessionWithoutQuorum), Submitted),
        new(Submitted, typeof(DossierCommand.RequestDocuments), Submitted),
        new(Submitted, typeof(DossierCommand.AnswerDocumentsRequest), Submitted),
        new(Submitted, typeof(DossierCommand.RecordVote), Adopted),
        new(Submitted, typeof(DossierCommand.RecordVote), Rejected),
        new(Adopted, typeof(DossierCommand.RecordTransmission), Transmitted),
        new(Transmitted, typeof(DossierCommand.RecordTransmissionFailure), Adopted),
        new(Transmitted, typeof(DossierCommand.AcknowledgeReceipt), Enforceable),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.RecordPrefectureLetter), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.SendAdditionalDocuments), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.AnswerObservations), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.RecordPublication), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.RecordCourtReferral), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.RecordSuspensionOrder), Suspended)),
        .. AfterAcknowledgment.Select(s => new Transition(Suspended, typeof(DossierCommand.LiftSuspension), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.RecordCourtDecision), s)),
        .. AfterAcknowledgment.Select(s => new Transition(s, typeof(DossierCommand.RecordCourtDecision), Annulled)),
        .. AfterAcknowledgment.Select(s => new Transition(Suspended, typeof(DossierCommand.RecordCourtDecision), s)),
        new(Suspended, typeof(DossierCommand.RecordCourtDecision), Annulled),
        new(Enforceable, typeof(DossierCommand.SignConvention), Signed),
        new(Enforceable, typeof(DossierCommand.Notify), Notified),
        new(Signed, typeof(DossierCommand.Notify), Notified),
        new(Notified, typeof(DossierCommand.RequestPayment), PaymentRequested),
        new(Notified, typeof(DossierCommand.DeadlineReached), Lapsed),
        new(Notified, typeof(DossierCommand.RecordPayment), Notified),
        new(PaymentRequested, typeof(DossierCommand.RequestPayment), PaymentRequested),
        new(PaymentRequested, typeof(DossierCommand.RecordPayment), PaymentRequested),
        new(PaymentRequested, typeof(DossierCommand.ReceiveReport), ReportReceived),
        new(ReportReceived, typeof(DossierCommand.RecordPayment), ReportReceived),
        new(ReportReceived, typeof(DossierCommand.AcceptReport), Closed),
        new(ReportReceived, typeof(DossierCommand.OrderRecovery), RecoveryOrdered),
        .. ConventionRunning.Select(s => new Transition(s, typeof(DossierCommand.SendFormalNotice), FormalNotice)),
        .. ConventionRunning.Select(s => new Transition(FormalNotice, typeof(DossierCommand.LiftFormalNotice), s)),
        new(FormalNotice, typeof(DossierCommand.Terminate), Terminated),
        .. ConventionRunning.Append(FormalNotice).Select(s => new Transition(s, typeof(DossierCommand.TerminateForFalseDeclarations), Terminated)),
        new(Lapsed, typeof(DossierCommand.OrderRecovery), RecoveryOrdered),
        new(Closed, typeof(DossierCommand.OrderRecovery), RecoveryOrdered),
        new(Terminated, typeof(DossierCommand.OrderRecovery), RecoveryOrdered),
        new(Annulled, typeof(DossierCommand.OrderRecovery), RecoveryOrdered),
        .. new[] { Submitted, Adopted, Transmitted, Enforceable, Signed, Notified }
            .Select(s => new Transition(s, typeof(DossierCommand.Withdraw), Withdrawn)),
        .. new[] { Enforceable, Notified, PaymentRequested, ReportReceived, Signed, FormalNotice }
            .Select(s => new Transition(s, typeof(DossierCommand.DeadlineReached), s)),
        .. Open.Concat(Ends).Select(s => new Transition(s, typeof(DossierCommand.AttachDocument), s)),
    ];

    /// <summary>The names of the commands legal in <paramref name="stage"/>, in table order, without repeats.</summary>
    public static IReadOnlyList<string> CommandsFrom(DossierStage stage) =>
        All.Where(t => t.From == stage).Select(t => t.Name).Distinct().ToList();

    public static bool Allows(DossierStage stage, string command) =>
        All.Any(t => t.From == stage && t.Name == command);

    public static string NameOf(DossierCommand command) => command.GetType().Name;
}
