using Approvals.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Approvals.Server;

/// <summary>
/// The self-hosted server's sign-in: OpenID Connect (authorization code with PKCE, response in the query so every
/// cookie can stay <c>SameSite=Lax</c>), then a session cookie (<see cref="PersonSession"/>) with an idle and an
/// absolute lifetime. Off unless <c>Identity:OpenIdConnect:Authority</c> is set.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string SessionCookie = "approvals-session";
    public const string FailurePage = "/acces.html?echec=connexion";
    public const string SignedOutPage = "/deconnexion.html";

    private const string SignedInAt = ".approvals.signed-in";
    private const string EndSessionItem = "approvals.end-session";

    public static IServiceCollection AddOpenIdConnectSignIn(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        if (configuration.GetSection(OpenIdConnectSettings.SectionName).Get<OpenIdConnectSettings>() is not { Authority.Length: > 0 } settings)
        {
            return services;
        }

        Check(settings);
        services.AddSingleton(settings);
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication()
            .AddCookie(PersonSession.Scheme, cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = secure;
                cookie.ExpireTimeSpan = settings.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = context => EndIfTooOld(context, settings.AbsoluteTimeout);
            })
            .AddOpenIdConnect(Scheme, oidc =>
            {
                oidc.SignInScheme = PersonSession.Scheme;
                oidc.Authority = settings.Authority;
                oidc.ClientId = settings.ClientId;
                oidc.ClientSecret = settings.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                oidc.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
                oidc.MapInboundClaims = false;
                oidc.SaveTokens = true;
                oidc.Scope.Clear();
                foreach (var scope in settings.Scopes)
                {
                    oidc.Scope.Add(scope);
                }

                // Every claim of the user info answer (ProConnect's usual_name, siret…), not only the standard ones.
                oidc.ClaimActions.MapAll();
                oidc.TokenValidationParameters.ClockSkew = settings.ClockSkew;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = secure;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = secure;
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    foreach (var (name, value) in settings.AuthorizationParameters)
                    {
                        context.ProtocolMessage.SetParameter(name, value);
                    }

                    return Task.CompletedTask;
                };
                oidc.Events.OnTicketReceived = context => KeepWhatTheSessionNeeds(context, settings);
                oidc.Events.OnRemoteFailure = context =>
                {
                    // A tampered, expired or replayed answer: no session, a French page, the reason in the log only.
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn))
                        .LogWarning(context.Failure, "OpenID Connect sign-in refused");
                    context.Response.Redirect(FailurePage);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    // The pages sign out with a script (the CSRF header): they get the provider's address and go there.
                    context.HttpContext.Items[EndSessionItem] = context.ProtocolMessage.CreateLogoutRequestUrl();
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                // Back from the provider's sign-out: always the same page (some providers drop the state that would say so).
                oidc.Events.OnSignedOutCallbackRedirect = context =>
                {
                    context.Response.Redirect(SignedOutPage);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        return services;
    }

    public static void MapOpenIdConnectSignIn(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<OpenIdConnectSettings>() is null)
        {
            return;
        }

        app.MapGet("/auth/sign-in", SignIn).AllowAnonymous().ExcludeFromDescription();
        // The pages send a person without a session to connexion.html: with OpenID Connect, that is the provider.
        app.MapGet("/connexion.html", SignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/auth/sign-out", (Delegate)SignOut).AllowAnonymous().ExcludeFromDescription();
    }

    public static IResult SignIn(string? retour) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = LocalPaths.OrHome(retour) }, [Scheme]);

    /// <summary>Ends the session here and answers where the browser goes to end it at the provider too.</summary>
    public static async Task<IResult> SignOut(HttpContext context)
    {
        if ((await context.AuthenticateAsync(PersonSession.Scheme)).Succeeded)
        {
            await context.SignOutAsync(Scheme);
        }

        await context.SignOutAsync(PersonSession.Scheme);
        return Results.Json(new SignedOut(context.Items[EndSessionItem] as string ?? SignedOutPage));
    }

    private static Task KeepWhatTheSessionNeeds(TicketReceivedContext context, OpenIdConnectSettings settings)
    {
        context.Principal = SessionPrincipal.From(context.Principal!, settings);
        var properties = context.Properties!;
        var idToken = properties.GetTokenValue(OpenIdConnectParameterNames.IdToken);
        // Only the ID token (the provider's sign-out needs it as a hint); access and refresh tokens are not kept.
        properties.StoreTokens(idToken is null ? [] : [new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        properties.Items[SignedInAt] = context.Options.TimeProvider!.GetUtcNow().ToString("O");
        return Task.CompletedTask;
    }

    /// <summary>Sliding renewal moves the cookie's issue date, so the sign-in instant is kept apart to bound the session.</summary>
    private static async Task EndIfTooOld(CookieValidatePrincipalContext context, TimeSpan absolute)
    {
        var now = context.Options.TimeProvider!.GetUtcNow();
        if (!context.Properties.Items.TryGetValue(SignedInAt, out var signedIn) || !DateTimeOffset.TryParse(signedIn, out var at) || now - at > absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PersonSession.Scheme);
        }
    }

    private static void Check(OpenIdConnectSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException($"{OpenIdConnectSettings.SectionName}:ClientId is required when {OpenIdConnectSettings.SectionName}:Authority is set.");
        }

        if (settings.RoleMap.FirstOrDefault(p => RoleNames.Parse(p.Value) is null) is { Key: not null } wrong)
        {
            throw new InvalidOperationException(
                $"{OpenIdConnectSettings.SectionName}:RoleMap:{wrong.Key} is « {wrong.Value} », not one of {string.Join(", ", RoleNames.People)}.");
        }

        if (settings.IdleTimeout <= TimeSpan.Zero || settings.AbsoluteTimeout < settings.IdleTimeout)
        {
            throw new InvalidOperationException(
                $"{OpenIdConnectSettings.SectionName}:IdleTimeout must be positive and AbsoluteTimeout at least as long.");
        }
    }

    public sealed record SignedOut(string Location);
}
