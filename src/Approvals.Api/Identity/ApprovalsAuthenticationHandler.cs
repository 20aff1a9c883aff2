using System.Security.Claims;
using System.Text.Encodings.Web;
using Approvals.Application;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>
/// The server's authentication scheme: the caller <see cref="ApiIdentity"/> identifies (App Service headers, the
/// development sign-in) or, when the OpenID Connect sign-in is configured, the person of the session cookie with the
/// role <see cref="PersonSession"/> resolves; scoped to the request's authority (<see cref="CurrentAuthority"/>); as a
/// principal with one role claim. The result is kept on the request for the handlers' own checks.
/// </summary>
public sealed class ApprovalsAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Approvals";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = await ApiIdentity.IdentifyAsync(Context);
        if (identity is CallerIdentity.Anonymous && await Context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(PersonSession.Scheme) is not null)
        {
            var session = await Context.AuthenticateAsync(PersonSession.Scheme);
            if (session.Succeeded)
            {
                identity = await PersonSession.ResolveAsync(session.Principal, Context.RequestServices.GetRequiredService<IdentityOptions>(),
                    Context.RequestServices.GetRequiredService<IRoleAssignments>(), Context.RequestServices.GetRequiredService<AuthorityDirectory>().First.Id, Context.RequestAborted);
            }
        }

        identity = await CurrentAuthority.ScopeAsync(Context, identity, Context.RequestServices.GetRequiredService<AuthorityDirectory>());
        ApiIdentity.Remember(Context, identity);

        return identity switch
        {
            CallerIdentity.Known { Actor: var actor } => AuthenticateResult.Success(new AuthenticationTicket(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, actor.Name), new Claim(ClaimTypes.Role, actor.Role.ToString())], SchemeName)),
                SchemeName)),
            CallerIdentity.Refused refused => AuthenticateResult.Fail(refused.Detail),
            _ => AuthenticateResult.NoResult(),
        };
    }
}
