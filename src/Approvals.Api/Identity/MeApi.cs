using Approvals.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// <c>GET /api/me</c>: who the pages are talking to, and with any role a person may hold; with several authorities,
/// the one they act in and those they may switch to (none listed in a single-authority deployment: nothing shows).
/// </summary>
public static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Me).WithTags("Identity").WithName("Me").RequireRoles(RoleNames.People);

    public static async Task<Results<Ok<MeView>, ApiProblem>> Me(HttpContext context, AuthorityDirectory directory)
    {
        var actor = ApiIdentity.Caller(context);
        var mine = ApiIdentity.Identify(context) is CallerIdentity.Known known ? known.Authorities : [];
        var current = actor.AuthorityId ?? directory.First.Id;
        var switchable = (await directory.ListAsync(context.RequestAborted)).Count > 1
            ? mine.Select(a => new AuthorityChoice(a.Id, a.Name)).ToList()
            : [];
        return TypedResults.Ok(new MeView(actor.Name, actor.Role, RoleLabels.Of(actor.Role), switchable.Count > 0 ? current : null, switchable));
    }

    /// <summary><paramref name="Authority"/> and <paramref name="Authorities"/>: only in a deployment of several authorities.</summary>
    public sealed record MeView(string Name, Role Role, string RoleLabel, string? Authority, IReadOnlyList<AuthorityChoice> Authorities);

    public sealed record AuthorityChoice(string Id, string Name);
}
