using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Api;

using static DossierCommand;
using static Role;

/// <summary>
/// Every command route of the API, in one table that both hosts map, the pages read (as allowed actions) and the
/// role matrix test walks. The roles follow DOMAIN.md's people.
/// </summary>
public static class CommandRoutes
{
    public static IReadOnlyList<CommandRoute> All { get; } =
    [
        new("republican-commitment", nameof(RecordRepublicanCommitment), typeof(RecordRepublicanCommitment), [CaseOfficer]),
        new("documents-request", nameof(RequestDocuments), typeof(RequestDocuments), [CaseOfficer]),
        new("session-without-quorum", nameof(RecordSessionWithoutQuorum), typeof(RecordSessionWithoutQuorum), [Secretariat]),
        new("vote", nameof(RecordVote), typeof(VoteBody), [Secretariat]),
        new("transmission", nameof(RecordTransmission), typeof(RecordTransmission), [Secretariat, CaseOfficer]),
        new("transmission-failure", nameof(RecordTransmissionFailure), typeof(RecordTransmissionFailure), [Secretariat, CaseOfficer]),
        new("acknowledgment", nameof(AcknowledgeReceipt), typeof(AcknowledgeReceipt), [Secretariat, CaseOfficer]),
        new("prefecture-letters", nameof(RecordPrefectureLetter), typeof(RecordPrefectureLetter), [Secretariat, CaseOfficer]),
        new("additional-documents", nameof(SendAdditionalDocuments), typeof(SendAdditionalDocuments), [Secretariat, CaseOfficer]),
        new("observations-answer", nameof(AnswerObservations), typeof(AnswerObservations), [Secretariat, CaseOfficer]),
        new("publication", nameof(RecordPublication), typeof(RecordPublication), [Secretariat]),
        new("court-referral", nameof(RecordCourtReferral), typeof(RecordCourtReferral), [Secretariat]),
        new("suspension-order", nameof(RecordSuspensionOrder), typeof(RecordSuspensionOrder), [Secretariat]),
        new("suspension-lifting", nameof(LiftSuspension), typeof(LiftSuspension), [Secretariat]),
        new("court-decision", nameof(RecordCourtDecision), typeof(RecordCourtDecision), [Secretariat]),
        new("signature", nameof(SignConvention), typeof(SignConvention), [Secretariat, CaseOfficer]),
        new("notification", nameof(Notify), typeof(Notify), [CaseOfficer]),
        new("payment-requests", nameof(RequestPayment), typeof(RequestPayment), [Finance]),
        new("payments", nameof(RecordPayment), typeof(RecordPayment), [Finance]),
        new("report", nameof(ReceiveReport), typeof(ReceiveReport), [CaseOfficer, Finance]),
        new("report-acceptance", nameof(AcceptReport), typeof(AcceptReport), [Finance]),
        new("recovery", nameof(OrderRecovery), typeof(OrderRecovery), [Finance]),
        new("formal-notice", nameof(SendFormalNotice), typeof(SendFormalNotice), [CaseOfficer]),
        new("formal-notice-lifting", nameof(LiftFormalNotice), typeof(LiftFormalNotice), [CaseOfficer]),
        new("termination", nameof(Terminate), typeof(Terminate), [Finance]),
        new("termination-without-notice", nameof(TerminateForFalseDeclarations), typeof(TerminateForFalseDeclarations), [Finance]),
        new("withdrawal", nameof(Withdraw), typeof(Withdraw), [CaseOfficer]),
    ];

    public static IReadOnlyList<Role> Create { get; } = [CaseOfficer];

    public static IReadOnlyList<Role> Documents { get; } = [CaseOfficer, Secretariat, Finance];

    public static IReadOnlyList<Role> Read { get; } = [CaseOfficer, Secretariat, Finance, Reader];

    public static IReadOnlyList<Role> RetryMail { get; } = [Finance];

    public static CommandRoute? ByCommand(string command) => All.FirstOrDefault(r => r.Command == command);
}
