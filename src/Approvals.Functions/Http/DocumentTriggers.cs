using Approvals.Api;
using Approvals.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions;

/// <summary>
/// Documents: the upload streams through to blob storage as on the server (the host's own request size limit,
/// <c>FUNCTIONS_REQUEST_BODY_SIZE_LIMIT</c>, is 100 MB by default, above <c>Api:MaxUploadBytes</c>), through the same
/// <see cref="DocumentUpload"/> use case. Attaching a document moves no deadline, so the clock is not told.
/// </summary>
public sealed class DocumentTriggers(ApiTrigger api, DocumentUpload uploads)
{
    [Function("UploadDocument")]
    public Task<IActionResult> UploadDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers/{id}/documents")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Documents, async (context, services) =>
            await DocumentsApi.Upload(id, await DocumentForm.BindAsync(context), context, services, uploads));

    [Function("ListDocuments")]
    public Task<IActionResult> ListDocuments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers/{id}/documents")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) => await DocumentsApi.List(id, context, services));

    [Function("DownloadDocument")]
    public Task<IActionResult> DownloadDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers/{id}/documents/{documentId}")] HttpRequest req, string id, string documentId) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) => await DocumentsApi.Download(id, documentId, context, services));
}
