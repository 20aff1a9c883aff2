using Approvals.Api;
using Approvals.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

/// <summary>The dossier routes other than commands, named as the server names its endpoints.</summary>
public sealed class DossierTriggers(ApiTrigger api)
{
    [Function("ListDossiers")]
    public Task<IActionResult> ListDossiers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers")] HttpRequest req) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) => await DossiersApi.List(
            context, services, ApiTrigger.Text(req, "stage"), ApiTrigger.Number(req, "year"), ApiTrigger.Text(req, "budgetLine"),
            ApiTrigger.Text(req, "beneficiary"), ApiTrigger.Text(req, "text"), ApiTrigger.Number(req, "skip"), ApiTrigger.Number(req, "take")));

    /// <summary>Creates the dossier, then starts its clock (instance id = dossier id).</summary>
    [Function("CreateDossier")]
    public Task<IActionResult> CreateDossier(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dossiers")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        api.RunAndSignalAsync(req, CommandRoutes.Create, client, async (context, services) =>
            await DossiersApi.Create(await JsonBody<GrantRequest>.BindAsync(context), context, services));

    /// <summary>The dossier, with its clock as the Durable Task client reports it.</summary>
    [Function("GetDossier")]
    public Task<IActionResult> GetDossier(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) => await DossiersApi.Get(id, context, services, client));

    [Function("VerifyRegister")]
    public Task<IActionResult> VerifyRegister(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers/{id}/register/verify")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) => await DossiersApi.VerifyRegister(id, context, services));

    [Function("PreviewVote")]
    public Task<IActionResult> PreviewVote([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "votes/preview")] HttpRequest req) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) =>
            DossiersApi.PreviewVote(await JsonBody<VotePreviewBody>.BindAsync(context), services.Time));
}
