using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>The server's authentication scheme: the caller <see cref="ApiIdentity"/> identifies, as a principal with one role claim.</summary>
public sealed class ApprovalsAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Approvals";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(ApiIdentity.Identify(Context) switch
    {
        CallerIdentity.Known { Actor: var actor } => AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, actor.Name), new Claim(ClaimTypes.Role, actor.Role.ToString())], SchemeName)),
            SchemeName)),
        CallerIdentity.Refused refused => AuthenticateResult.Fail(refused.Detail),
        _ => AuthenticateResult.NoResult(),
    });
}
