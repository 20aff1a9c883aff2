using Approvals.Api;
using Approvals.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions;

/// <summary>Role assignments kept by Approvals and their audit register, for administrators (the same store as the server's).</summary>
public sealed class RoleTriggers(ApiTrigger api, IRoleAssignments assignments, TimeProvider time)
{
    [Function("ListRoleAssignments")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "role-assignments")] HttpRequest req) =>
        api.RunAsync(req, RoleAssignmentsApi.Manage, async (context, _) => await RoleAssignmentsApi.List(context, assignments));

    [Function("PutRoleAssignment")]
    public Task<IActionResult> Put([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "role-assignments/{person}")] HttpRequest req, string person) =>
        api.RunAsync(req, RoleAssignmentsApi.Manage, async (context, _) =>
            await RoleAssignmentsApi.Put(person, await JsonBody<RoleAssignmentsApi.RoleAssignmentBody>.BindAsync(context), context, assignments, time));

    [Function("DeleteRoleAssignment")]
    public Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "role-assignments/{person}")] HttpRequest req, string person) =>
        api.RunAsync(req, RoleAssignmentsApi.Manage, async (context, _) => await RoleAssignmentsApi.Delete(person, context, assignments, time));

    [Function("RoleAudit")]
    public Task<IActionResult> Audit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "role-audit")] HttpRequest req) =>
        api.RunAsync(req, RoleAssignmentsApi.Manage, async (context, _) => await RoleAssignmentsApi.Audit(context, assignments, ApiTrigger.Number(req, "max")));
}
