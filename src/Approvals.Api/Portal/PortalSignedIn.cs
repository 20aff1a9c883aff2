using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Approvals.Api;

/// <summary>
/// The portal's authorisation, declared in endpoint metadata as the agents' roles are: the request carries a portal
/// session. Refused, it answers the portal's own 401 (<see cref="PortalApi.NotSignedIn"/>; see <see cref="AuthorizationProblems"/>).
/// </summary>
public sealed class PortalSignedIn : AuthorizationHandler<PortalSignedIn>, IAuthorizationRequirement
{
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder().AddRequirements(new PortalSignedIn()).Build();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PortalSignedIn requirement)
    {
        if (context.Resource is HttpContext http && PortalBeneficiary.Find(http) is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Declares that a portal route needs the beneficiary's session.</summary>
public static class PortalSignedInRoutes
{
    /// <summary>The policy, and its 401 in the OpenAPI document (the routes whose handler answers no problem would not list it).</summary>
    public static TBuilder RequirePortalSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PortalSignedIn.Policy).WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ApiProblems.ProblemBody), [ApiProblem.ContentType]));
}
