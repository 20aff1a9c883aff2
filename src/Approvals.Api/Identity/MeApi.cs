using Approvals.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary><c>GET /api/me</c>: who the pages are talking to, and whether the development sign-in is available.</summary>
public static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Me).WithTags("Identity").WithName("Me").RequireRoles(CommandRoutes.Read);

    public static IResult Me(HttpContext context)
    {
        var (actor, denied) = ApiIdentity.Authorize(context, CommandRoutes.Read);
        return denied ?? Results.Json(new MeView(actor!.Name, actor.Role, RoleLabels.Of(actor.Role)), DomainJson.Options);
    }

    public sealed record MeView(string Name, Role Role, string RoleLabel);
}
