using Approvals.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

/// <summary>The operations page's routes: the dossiers' clocks by runtime status, and a restart.</summary>
public sealed class ClockTriggers(ApiTrigger api)
{
    [Function("ListClocks")]
    public Task<IActionResult> ListClocks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clocks")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        api.RunAsync(req, ClocksApi.Readers, async (context, services) => await ClocksApi.List(
            context, services, client, ApiTrigger.Text(req, "status"), ApiTrigger.Text(req, "continuation"), ApiTrigger.Number(req, "take")));

    [Function("RestartClock")]
    public Task<IActionResult> RestartClock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clocks/{id}/restart")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        api.RunAsync(req, ClocksApi.Restart, async (context, services) => await ClocksApi.RestartClock(id, context, services, client));
}
