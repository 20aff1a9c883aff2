using Approvals.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// Roles declared in endpoint metadata. The fallback policy (<see cref="Undeclared"/>) refuses every endpoint that
/// declares neither roles nor <c>AllowAnonymous</c>, so a route added without thinking of who may call it is closed.
/// </summary>
public static class EndpointRoles
{
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, IReadOnlyCollection<Role> roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(roles.Select(r => r.ToString())));

    /// <summary>
    /// The fallback policy. A mapped route that reaches it declared nothing and is refused. What is not a mapped route
    /// passes: no endpoint (a static file, a 404), or routing's own rejection endpoints (405 wrong method, 415 wrong
    /// media type), which only answer their status.
    /// </summary>
    public static AuthorizationPolicy Undeclared { get; } = new AuthorizationPolicyBuilder().AddRequirements(new RolesDeclared()).Build();

    public sealed class RolesDeclared : AuthorizationHandler<RolesDeclared>, IAuthorizationRequirement
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RolesDeclared requirement)
        {
            if (context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
