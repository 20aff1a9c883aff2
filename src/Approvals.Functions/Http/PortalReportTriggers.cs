using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

/// <summary>The final report on the portal, through the shared handlers of <c>PortalReportApi</c>; filing it and its documents change the dossier, so they signal its clock.</summary>
public sealed class PortalReportTriggers(ApiTrigger api, PortalServices portal, DocumentUpload uploads)
{
    [Function("PortalGetReport")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/dossiers/{id}/report")] HttpRequest req, string id) =>
        api.RunAsync(req, PortalSessionCheck.Required(async (beneficiary, context, services) => await PortalReportApi.Get(id, beneficiary, context, services, portal)));

    [Function("PortalFileReport")]
    public Task<IActionResult> File(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/report")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, PortalSessionCheck.Required(async (beneficiary, context, services) =>
            await PortalReportApi.File(id, await JsonBody<FinalReport>.BindAsync(context), beneficiary, context, services, portal)));

    [Function("PortalUploadReportDocument")]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/dossiers/{id}/report/documents")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, client, id, PortalSessionCheck.Required(async (beneficiary, context, services) =>
            await PortalReportApi.Upload(id, await DocumentForm.BindAsync(context), beneficiary, context, services, portal, uploads)));
}
