using Approvals.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary><c>GET /api/me</c>: who the pages are talking to, and with any role a person may hold.</summary>
public static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Me).WithTags("Identity").WithName("Me").RequireRoles(RoleNames.People);

    public static IResult Me(HttpContext context)
    {
        var (actor, denied) = ApiIdentity.Authorize(context, RoleNames.People);
        return denied ?? Results.Json(new MeView(actor!.Name, actor.Role, RoleLabels.Of(actor.Role)), DomainJson.Options);
    }

    public sealed record MeView(string Name, Role Role, string RoleLabel);
}
