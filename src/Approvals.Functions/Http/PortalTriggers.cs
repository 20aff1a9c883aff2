using System.Text.Json;
using Approvals.Api;
using Approvals.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

/// <summary>
/// The beneficiaries' portal and the agents' inbox of its requests, through the shared handlers of <c>PortalApi</c> and
/// <c>PortalInboxApi</c>. A submission and an upload change a dossier, so they signal its clock. The routes that need the portal's session
/// check it first (<see cref="PortalSessionCheck"/>), the inbox's the agents' roles, as the server's metadata declares. The portal's session
/// cookie needs data-protection keys shared by every instance (see docs/portal.md).
/// </summary>
public sealed class PortalTriggers(ApiTrigger api, PortalServices portal, DocumentUpload uploads)
{
    [Function("PortalRequestLink")]
    public Task<IActionResult> RequestLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/sign-in")] HttpRequest req) =>
        api.RunAsync(req, async (context, services) => await PortalApi.RequestLink(await JsonBody<PortalBodies.SignInRequest>.BindAsync(context), context, services, portal));

    [Function("PortalUseLink")]
    public Task<IActionResult> UseLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/session")] HttpRequest req) =>
        api.RunAsync(req, async (context, services) => await PortalApi.UseLink(await JsonBody<PortalBodies.LinkUse>.BindAsync(context), context, services, portal));

    [Function("PortalSignOut")]
    public Task<IActionResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "portal/session")] HttpRequest req) =>
        api.RunAsync(req, (context, _) => Task.FromResult<IResult>(PortalApi.SignOut(context)));

    [Function("PortalMe")]
    public Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/me")] HttpRequest req) =>
        api.RunAsync(req, PortalSessionCheck.Required((beneficiary, _, _) => Task.FromResult<IResult>(PortalApi.Me(beneficiary))));

    [Function("PortalAuthorities")]
    public Task<IActionResult> Authorities([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/authorities")] HttpRequest req) =>
        api.RunAsync(req, PortalSessionCheck.Required(async (_, context, _) => await PortalApi.Authorities(context, portal)));

    [Function("PortalReadDraft")]
    public Task<IActionResult> ReadDraft([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/draft")] HttpRequest req) =>
        api.RunAsync(req, PortalSessionCheck.Required(async (beneficiary, context, _) => await PortalApi.ReadDraft(beneficiary, context, portal)));

    [Function("PortalSaveDraft")]
    public Task<IActionResult> SaveDraft([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "portal/draft")] HttpRequest req) =>
        api.RunAsync(req, PortalSessionCheck.Required(async (beneficiary, context, _) =>
            await PortalApi.SaveDraft(await JsonBody<JsonElement>.BindAsync(context), beneficiary, context, portal)));

    [Function("PortalSubmit")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/requests")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, null, PortalSessionCheck.Required(async (beneficiary, context, services) =>
            await PortalApi.Submit(await JsonBody<PortalApplication>.BindAsync(context), beneficiary, context, services, portal)));

    [Function("PortalListDossiers")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/dossiers")] HttpRequest req) =>
        api.RunAsync(req, PortalSessionCheck.Required(async (beneficiary, context, services) => await PortalApi.List(beneficiary, context, services, portal)));

    [Function("PortalGetDossier")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/dossiers/{id}")] HttpRequest req, string id) =>
        api.RunAsync(req, PortalSessionCheck.Required(async (beneficiary, context, services) => await PortalApi.Get(id, beneficiary, context, services, portal)));

    [Function("PortalUploadDocument")]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/documents")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, PortalSessionCheck.Required(async (beneficiary, context, services) =>
            await PortalApi.Upload(id, await DocumentForm.BindAsync(context), beneficiary, context, services, portal, uploads)));

    [Function("PortalRequestPayment")]
    public Task<IActionResult> RequestPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/payment-request")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, PortalSessionCheck.Required(async (beneficiary, context, services) =>
            await PortalApi.RequestPayment(id, await JsonBody<PortalBodies.PaymentRequestBody>.BindAsync(context), beneficiary, context, services, portal)));

    [Function("PortalAnswerDocumentsRequest")]
    public Task<IActionResult> AnswerDocumentsRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/documents-answer")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, PortalSessionCheck.Required(async (beneficiary, context, services) =>
            await PortalDocumentsRequests.Answer(id, await JsonBody<PortalDocumentsRequests.AnswerBody>.BindAsync(context), beneficiary, context, services, portal)));

    [Function("PortalAcknowledgment")]
    public Task<IActionResult> Acknowledgment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/dossiers/{id}/acknowledgment")] HttpRequest req, string id) =>
        api.RunAsync(req, PortalSessionCheck.Required(async (beneficiary, context, services) => await PortalApi.AcknowledgmentPdf(id, beneficiary, context, services, portal)));

    [Function("PortalInbox")]
    public Task<IActionResult> Inbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal-inbox")] HttpRequest req) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) => await PortalInboxApi.List(context, services, portal));

    [Function("PortalCheck")]
    public Task<IActionResult> Check([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal-inbox/{id}/check")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Create, async (context, services) =>
            await PortalInboxApi.Check(id, await JsonBody<PortalBodies.CheckBody>.BindAsync(context), context, services, portal));
}
