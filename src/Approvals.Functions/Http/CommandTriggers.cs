using Approvals.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

using static DossierCommand;

/// <summary>
/// One trigger per entry of <c>CommandRoutes.All</c> (<c>POST /api/dossiers/{id}/{segment}</c>), named after its command
/// as on the server. Each accepted command signals the dossier's clock through its outbox. The body, roles and
/// refusals are the shared handler's.
/// </summary>
public sealed class CommandTriggers(ApiTrigger api)
{
    [Function(nameof(RecordRepublicanCommitment))]
    public Task<IActionResult> RecordRepublicanCommitmentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/republican-commitment")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "republican-commitment");

    [Function(nameof(RequestDocuments))]
    public Task<IActionResult> RequestDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/documents-request")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "documents-request");

    [Function(nameof(RecordSessionWithoutQuorum))]
    public Task<IActionResult> RecordSessionWithoutQuorumAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/session-without-quorum")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "session-without-quorum");

    [Function(nameof(RecordVote))]
    public Task<IActionResult> RecordVoteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/vote")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "vote");

    [Function(nameof(RecordTransmission))]
    public Task<IActionResult> RecordTransmissionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/transmission")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "transmission");

    [Function(nameof(RecordTransmissionFailure))]
    public Task<IActionResult> RecordTransmissionFailureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/transmission-failure")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "transmission-failure");

    [Function(nameof(AcknowledgeReceipt))]
    public Task<IActionResult> AcknowledgeReceiptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/acknowledgment")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "acknowledgment");

    [Function(nameof(RecordPrefectureLetter))]
    public Task<IActionResult> RecordPrefectureLetterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/prefecture-letters")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "prefecture-letters");

    [Function(nameof(SendAdditionalDocuments))]
    public Task<IActionResult> SendAdditionalDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/additional-documents")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "additional-documents");

    [Function(nameof(AnswerObservations))]
    public Task<IActionResult> AnswerObservationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/observations-answer")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "observations-answer");

    [Function(nameof(RecordPublication))]
    public Task<IActionResult> RecordPublicationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/publication")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "publication");

    [Function(nameof(RecordCourtReferral))]
    public Task<IActionResult> RecordCourtReferralAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/court-referral")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "court-referral");

    [Function(nameof(RecordSuspensionOrder))]
    public Task<IActionResult> RecordSuspensionOrderAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/suspension-order")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "suspension-order");

    [Function(nameof(LiftSuspension))]
    public Task<IActionResult> LiftSuspensionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/suspension-lifting")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "suspension-lifting");

    [Function(nameof(RecordCourtDecision))]
    public Task<IActionResult> RecordCourtDecisionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/court-decision")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "court-decision");

    [Function(nameof(SignConvention))]
    public Task<IActionResult> SignConventionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/signature")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "signature");

    [Function(nameof(Notify))]
    public Task<IActionResult> NotifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/notification")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "notification");

    [Function(nameof(RequestPayment))]
    public Task<IActionResult> RequestPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/payment-requests")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "payment-requests");

    [Function(nameof(RecordPayment))]
    public Task<IActionResult> RecordPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/payments")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "payments");

    [Function(nameof(ReceiveReport))]
    public Task<IActionResult> ReceiveReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/report")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "report");

    [Function(nameof(AcceptReport))]
    public Task<IActionResult> AcceptReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/report-acceptance")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "report-acceptance");

    [Function(nameof(OrderRecovery))]
    public Task<IActionResult> OrderRecoveryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/recovery")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "recovery");

    [Function(nameof(SendFormalNotice))]
    public Task<IActionResult> SendFormalNoticeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/formal-notice")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "formal-notice");

    [Function(nameof(LiftFormalNotice))]
    public Task<IActionResult> LiftFormalNoticeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/formal-notice-lifting")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "formal-notice-lifting");

    [Function(nameof(Terminate))]
    public Task<IActionResult> TerminateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/termination")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "termination");

    [Function(nameof(TerminateForFalseDeclarations))]
    public Task<IActionResult> TerminateForFalseDeclarationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/termination-without-notice")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "termination-without-notice");

    [Function(nameof(Withdraw))]
    public Task<IActionResult> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/withdrawal")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync(req, client, id, "withdrawal");
}
