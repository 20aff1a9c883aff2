using Approvals.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

/// <summary>
/// The beneficiaries' portal and the agents' inbox of its requests, through the shared handlers of <c>PortalApi</c> and
/// <c>PortalInboxApi</c>. A submission and an upload change a dossier, so they signal its clock. The portal's session
/// cookie needs data-protection keys shared by every instance (see docs/portal.md).
/// </summary>
public sealed class PortalTriggers(ApiTrigger api, PortalServices portal)
{
    [Function("PortalRequestLink")]
    public Task<IActionResult> RequestLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/sign-in")] HttpRequest req) =>
        api.RunAsync(req, (context, services) => PortalApi.RequestLink(context, services, portal));

    [Function("PortalUseLink")]
    public Task<IActionResult> UseLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/session")] HttpRequest req) =>
        api.RunAsync(req, (context, services) => PortalApi.UseLink(context, services, portal));

    [Function("PortalSignOut")]
    public Task<IActionResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "portal/session")] HttpRequest req) =>
        api.RunAsync(req, (context, _) => Task.FromResult(PortalApi.SignOut(context)));

    [Function("PortalMe")]
    public Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/me")] HttpRequest req) =>
        api.RunAsync(req, (context, services) => Task.FromResult(PortalApi.Me(context, services)));

    [Function("PortalReadDraft")]
    public Task<IActionResult> ReadDraft([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/draft")] HttpRequest req) =>
        api.RunAsync(req, (context, services) => PortalApi.ReadDraft(context, services, portal));

    [Function("PortalSaveDraft")]
    public Task<IActionResult> SaveDraft([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "portal/draft")] HttpRequest req) =>
        api.RunAsync(req, (context, services) => PortalApi.SaveDraft(context, services, portal));

    [Function("PortalSubmit")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/requests")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, null, (context, services) => PortalApi.Submit(context, services, portal));

    [Function("PortalListDossiers")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/dossiers")] HttpRequest req) =>
        api.RunAsync(req, (context, services) => PortalApi.List(context, services, portal));

    [Function("PortalGetDossier")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/dossiers/{id}")] HttpRequest req, string id) =>
        api.RunAsync(req, (context, services) => PortalApi.Get(id, context, services, portal));

    [Function("PortalUploadDocument")]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/documents")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, (context, services) => PortalApi.Upload(id, context, services, portal));

    [Function("PortalRequestPayment")]
    public Task<IActionResult> RequestPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/payment-request")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, (context, services) => PortalApi.RequestPayment(id, context, services, portal));

    [Function("PortalAnswerDocumentsRequest")]
    public Task<IActionResult> AnswerDocumentsRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/documents-answer")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, (context, services) => PortalDocumentsRequests.Answer(id, context, services, portal));

    [Function("PortalAcknowledgment")]
    public Task<IActionResult> Acknowledgment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/dossiers/{id}/acknowledgment")] HttpRequest req, string id) =>
        api.RunAsync(req, (context, services) => PortalApi.AcknowledgmentPdf(id, context, services, portal));

    [Function("PortalInbox")]
    public Task<IActionResult> Inbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal-inbox")] HttpRequest req) =>
        api.RunAsync(req, (context, services) => PortalInboxApi.List(context, services, portal));

    [Function("PortalCheck")]
    public Task<IActionResult> Check([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal-inbox/{id}/check")] HttpRequest req, string id) =>
        api.RunAsync(req, (context, services) => PortalInboxApi.Check(id, context, services, portal));
}
