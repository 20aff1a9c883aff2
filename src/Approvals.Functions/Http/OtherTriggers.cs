using Approvals.Api;
using Approvals.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions;

/// <summary>The deadlines dashboard, the failed e-mails and their retry, and who is signed in.</summary>
public sealed class OtherTriggers(ApiTrigger api, AuthorityDirectory directory)
{
    [Function("UpcomingDeadlines")]
    public Task<IActionResult> UpcomingDeadlines([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deadlines")] HttpRequest req) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) =>
            await DeadlinesApi.Upcoming(context, services, ApiTrigger.Number(req, "days"), ApiTrigger.Number(req, "skip"), ApiTrigger.Number(req, "take")));

    [Function("FailedOutboxItems")]
    public Task<IActionResult> FailedOutboxItems([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "outbox/failed")] HttpRequest req) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, services) => await OutboxApi.Failed(context, services));

    [Function("RetryOutboxItem")]
    public Task<IActionResult> RetryOutboxItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "outbox/{dossierId}/{itemId}/retry")] HttpRequest req, string dossierId, string itemId) =>
        api.RunAsync(req, CommandRoutes.RetryMail, async (context, services) => await OutboxApi.Retry(dossierId, itemId, context, services));

    [Function("Me")]
    public Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest req) =>
        api.RunAsync(req, RoleNames.People, async (context, _) => await MeApi.Me(context, directory));
}
