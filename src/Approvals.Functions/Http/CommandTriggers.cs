using Approvals.Api;
using Approvals.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

using static DossierCommand;

/// <summary>
/// One trigger per entry of <c>CommandRoutes.All</c> (<c>POST /api/dossiers/{id}/{segment}</c>), named after its command
/// as on the server: the segment is the table's constant, the command its record type (the Functions SDK reads the
/// attributes at build time, so they cannot be generated from the table; <c>FunctionAppRouteTests</c> holds them to it).
/// Each accepted command signals the dossier's clock through its outbox. The body, roles and refusals are the shared
/// handler's.
/// </summary>
public sealed class CommandTriggers(ApiTrigger api)
{
    private const string Prefix = "dossiers/{id}/";

    [Function(nameof(RecordRepublicanCommitment))]
    public Task<IActionResult> RecordRepublicanCommitmentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.RepublicanCommitment)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordRepublicanCommitment>(req, client, id);

    [Function(nameof(RequestDocuments))]
    public Task<IActionResult> RequestDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.DocumentsRequest)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RequestDocuments>(req, client, id);

    [Function(nameof(RecordSessionWithoutQuorum))]
    public Task<IActionResult> RecordSessionWithoutQuorumAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.SessionWithoutQuorum)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordSessionWithoutQuorum>(req, client, id);

    [Function(nameof(RecordVote))]
    public Task<IActionResult> RecordVoteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Vote)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordVote>(req, client, id);

    [Function(nameof(RecordTransmission))]
    public Task<IActionResult> RecordTransmissionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Transmission)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordTransmission>(req, client, id);

    [Function(nameof(RecordTransmissionFailure))]
    public Task<IActionResult> RecordTransmissionFailureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.TransmissionFailure)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordTransmissionFailure>(req, client, id);

    [Function(nameof(AcknowledgeReceipt))]
    public Task<IActionResult> AcknowledgeReceiptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Acknowledgment)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<AcknowledgeReceipt>(req, client, id);

    [Function(nameof(RecordPrefectureLetter))]
    public Task<IActionResult> RecordPrefectureLetterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.PrefectureLetters)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordPrefectureLetter>(req, client, id);

    [Function(nameof(SendAdditionalDocuments))]
    public Task<IActionResult> SendAdditionalDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.AdditionalDocuments)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<SendAdditionalDocuments>(req, client, id);

    [Function(nameof(AnswerObservations))]
    public Task<IActionResult> AnswerObservationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.ObservationsAnswer)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<AnswerObservations>(req, client, id);

    [Function(nameof(RecordPublication))]
    public Task<IActionResult> RecordPublicationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Publication)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordPublication>(req, client, id);

    [Function(nameof(RecordCourtReferral))]
    public Task<IActionResult> RecordCourtReferralAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.CourtReferral)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordCourtReferral>(req, client, id);

    [Function(nameof(RecordSuspensionOrder))]
    public Task<IActionResult> RecordSuspensionOrderAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.SuspensionOrder)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordSuspensionOrder>(req, client, id);

    [Function(nameof(LiftSuspension))]
    public Task<IActionResult> LiftSuspensionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.SuspensionLifting)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<LiftSuspension>(req, client, id);

    [Function(nameof(RecordCourtDecision))]
    public Task<IActionResult> RecordCourtDecisionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.CourtDecision)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordCourtDecision>(req, client, id);

    [Function(nameof(SignConvention))]
    public Task<IActionResult> SignConventionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Signature)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<SignConvention>(req, client, id);

    [Function(nameof(Notify))]
    public Task<IActionResult> NotifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Notification)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<Notify>(req, client, id);

    [Function(nameof(RequestPayment))]
    public Task<IActionResult> RequestPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.PaymentRequests)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RequestPayment>(req, client, id);

    [Function(nameof(RecordPayment))]
    public Task<IActionResult> RecordPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Payments)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<RecordPayment>(req, client, id);

    [Function(nameof(ReceiveReport))]
    public Task<IActionResult> ReceiveReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Report)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<ReceiveReport>(req, client, id);

    [Function(nameof(AcceptReport))]
    public Task<IActionResult> AcceptReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.ReportAcceptance)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<AcceptReport>(req, client, id);

    [Function(nameof(OrderRecovery))]
    public Task<IActionResult> OrderRecoveryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Recovery)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<OrderRecovery>(req, client, id);

    [Function(nameof(SendFormalNotice))]
    public Task<IActionResult> SendFormalNoticeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.FormalNotice)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<SendFormalNotice>(req, client, id);

    [Function(nameof(LiftFormalNotice))]
    public Task<IActionResult> LiftFormalNoticeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.FormalNoticeLifting)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<LiftFormalNotice>(req, client, id);

    [Function(nameof(Terminate))]
    public Task<IActionResult> TerminateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Termination)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<Terminate>(req, client, id);

    [Function(nameof(TerminateForFalseDeclarations))]
    public Task<IActionResult> TerminateForFalseDeclarationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.TerminationWithoutNotice)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<TerminateForFalseDeclarations>(req, client, id);

    [Function(nameof(Withdraw))]
    public Task<IActionResult> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + CommandRoutes.Withdrawal)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.CommandAsync<Withdraw>(req, client, id);
}
