using Approvals.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Approvals.Api;

/// <summary>Refusals of the authorization middleware as the same problem documents the handlers answer: 401, 403 naming the allowed roles, or whom to ask.</summary>
public sealed class AuthorizationProblems : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            return next(context);
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault();
        IResult answer = (roles, ApiIdentity.Identify(context)) switch
        {
            (null, _) when policy.Requirements.Any(r => r is PortalSignedIn) => PortalApi.NotSignedIn(),
            (null, _) => ApiProblems.Problem(StatusCodes.Status403Forbidden, "identity.undeclared", "Accès non déclaré",
                "Cette adresse ne déclare pas les rôles qui peuvent l'appeler : elle est fermée à tous.", []),
            (_, CallerIdentity.Refused refused) => ApiProblems.RoleRefused(refused.Detail),
            (_, CallerIdentity.Known known) => ApiProblems.Forbidden(known.Actor, roles.AllowedRoles.Select(Enum.Parse<Role>)),
            _ => ApiProblems.Unauthorized(),
        };
        return answer.ExecuteAsync(context);
    }
}
