using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Api;

using static DossierCommand;
using static Role;

/// <summary>
/// Every command route of the API, in one table keyed by the command's record type, that both hosts map (the
/// Function App's triggers name their segment constant and their command type), the pages read (as allowed actions)
/// and the role matrix test walks. The roles follow DOMAIN.md's people.
/// </summary>
public static class CommandRoutes
{
    // The route segments, as constants: the Function App's trigger attributes need compile-time constants.
    public const string RepublicanCommitment = "republican-commitment";
    public const string DocumentsRequest = "documents-request";
    public const string SessionWithoutQuorum = "session-without-quorum";
    public const string Vote = "vote";
    public const string Transmission = "transmission";
    public const string TransmissionFailure = "transmission-failure";
    public const string Acknowledgment = "acknowledgment";
    public const string PrefectureLetters = "prefecture-letters";
    public const string AdditionalDocuments = "additional-documents";
    public const string ObservationsAnswer = "observations-answer";
    public const string Publication = "publication";
    public const string CourtReferral = "court-referral";
    public const string SuspensionOrder = "suspension-order";
    public const string SuspensionLifting = "suspension-lifting";
    public const string CourtDecision = "court-decision";
    public const string Signature = "signature";
    public const string Notification = "notification";
    public const string PaymentRequests = "payment-requests";
    public const string Payments = "payments";
    public const string Report = "report";
    public const string ReportAcceptance = "report-acceptance";
    public const string Recovery = "recovery";
    public const string FormalNotice = "formal-notice";
    public const string FormalNoticeLifting = "formal-notice-lifting";
    public const string Termination = "termination";
    public const string TerminationWithoutNotice = "termination-without-notice";
    public const string Withdrawal = "withdrawal";

    public static IReadOnlyList<CommandRoute> All { get; } =
    [
        CommandRoute.Of<RecordRepublicanCommitment>(RepublicanCommitment, CaseOfficer),
        CommandRoute.Of<RequestDocuments>(DocumentsRequest, CaseOfficer),
        CommandRoute.Of<RecordSessionWithoutQuorum>(SessionWithoutQuorum, Secretariat),
        CommandRoute.Of<RecordVote, SecretariatVote>(Vote, Secretariat),
        CommandRoute.Of<RecordTransmission>(Transmission, Secretariat, CaseOfficer),
        CommandRoute.Of<RecordTransmissionFailure>(TransmissionFailure, Secretariat, CaseOfficer),
        CommandRoute.Of<AcknowledgeReceipt>(Acknowledgment, Secretariat, CaseOfficer),
        CommandRoute.Of<RecordPrefectureLetter>(PrefectureLetters, Secretariat, CaseOfficer),
        CommandRoute.Of<SendAdditionalDocuments>(AdditionalDocuments, Secretariat, CaseOfficer),
        CommandRoute.Of<AnswerObservations>(ObservationsAnswer, Secretariat, CaseOfficer),
        CommandRoute.Of<RecordPublication>(Publication, Secretariat),
        CommandRoute.Of<RecordCourtReferral>(CourtReferral, Secretariat),
        CommandRoute.Of<RecordSuspensionOrder>(SuspensionOrder, Secretariat),
        CommandRoute.Of<LiftSuspension>(SuspensionLifting, Secretariat),
        CommandRoute.Of<RecordCourtDecision>(CourtDecision, Secretariat),
        CommandRoute.Of<SignConvention>(Signature, Secretariat, CaseOfficer),
        CommandRoute.Of<Notify>(Notification, CaseOfficer),
        CommandRoute.Of<RequestPayment>(PaymentRequests, Finance),
        CommandRoute.Of<RecordPayment>(Payments, Finance),
        CommandRoute.Of<ReceiveReport>(Report, CaseOfficer, Finance),
        CommandRoute.Of<AcceptReport>(ReportAcceptance, Finance),
        CommandRoute.Of<OrderRecovery>(Recovery, Finance),
        CommandRoute.Of<SendFormalNotice>(FormalNotice, CaseOfficer),
        CommandRoute.Of<LiftFormalNotice>(FormalNoticeLifting, CaseOfficer),
        CommandRoute.Of<Terminate>(Termination, Finance),
        CommandRoute.Of<TerminateForFalseDeclarations>(TerminationWithoutNotice, Finance),
        CommandRoute.Of<Withdraw>(Withdrawal, CaseOfficer),
    ];

    public static IReadOnlyList<Role> Create { get; } = [CaseOfficer];

    public static IReadOnlyList<Role> Documents { get; } = [CaseOfficer, Secretariat, Finance];

    public static IReadOnlyList<Role> Read { get; } = [CaseOfficer, Secretariat, Finance, Reader];

    public static IReadOnlyList<Role> RetryMail { get; } = [Finance];

    public static CommandRoute? ByCommand(string command) => All.FirstOrDefault(r => r.Name == command);

    /// <summary>The route of <typeparamref name="TCommand"/>; a command without a route is a bug (<c>CommandRoutesTests</c> holds every client command to one).</summary>
    public static CommandRoute For<TCommand>()
        where TCommand : DossierCommand => All.Single(r => r.Command == typeof(TCommand));
}
