using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>
/// The server's web security in one place: response headers, the CSRF check and authorisation from endpoint metadata
/// (<see cref="EndpointRoles"/>), with a fallback policy that closes any endpoint declaring no roles.
/// </summary>
public static class ApprovalsSecurity
{
    public static IServiceCollection AddApprovalsSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApprovalsAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApprovalsAuthenticationHandler>(ApprovalsAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().SetFallbackPolicy(EndpointRoles.Undeclared);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
        return services;
    }

    /// <summary>First in the pipeline (after routing, which the host adds before it): every answer gets the headers, static files included.</summary>
    /// <param name="hsts">Send HSTS: everywhere but Development.</param>
    public static IApplicationBuilder UseApprovalsSecurity(this IApplicationBuilder app, bool hsts)
    {
        app.Use(async (context, next) =>
        {
            SecurityHeaders.Apply(context.Response, hsts);
            if (RequestOrigin.Check(context.Request) is { } refused)
            {
                await refused.ExecuteAsync(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Approvals.Application.StorageFailedException) when (!context.Response.HasStarted)
            {
                // A session's role is read from storage during authentication, before any endpoint filter: 503, as they answer.
                await ApiProblems.StorageUnavailable().ExecuteAsync(context);
            }
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
