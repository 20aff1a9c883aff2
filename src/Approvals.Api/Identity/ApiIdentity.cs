using Approvals.Application;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>Who is calling, from App Service authentication headers (Azure) or the development sign-in cookie.</summary>
public static class ApiIdentity
{
    public const string DevelopmentCookie = "approvals-identity";

    private const string Purpose = "Approvals.DevelopmentSignIn";

    public static Actor? Resolve(HttpContext context) => Identify(context) is CallerIdentity.Known known ? known.Actor : null;

    /// <summary>
    /// The caller of a handler whose roles were checked before it ran (endpoint metadata on the server, the trigger in the
    /// Function App); reaching it without one is a bug, not a refusal.
    /// </summary>
    public static Actor Caller(HttpContext context) =>
        Resolve(context) ?? throw new InvalidOperationException("A handler ran without an authorised caller: its roles were not checked.");

    /// <summary>The caller <see cref="IdentifyAsync"/> found for this request (kept by <see cref="Remember"/>); anonymous before.</summary>
    public static CallerIdentity Identify(HttpContext context) =>
        context.Items[typeof(CallerIdentity)] as CallerIdentity ?? new CallerIdentity.Anonymous();

    /// <summary>
    /// Who the request says the caller is, not yet scoped to an authority: the person of App Service authentication's
    /// headers with their role in each authority (a role claim, the assignments Approvals keeps), or the development
    /// sign-in's cookie. The server's own OpenID Connect session is read by <see cref="ApprovalsAuthenticationHandler"/>.
    /// </summary>
    public static async Task<CallerIdentity> IdentifyAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IdentityOptions>();
        if (options.TrustAppServiceHeaders && context.Request.Headers[AppServicePrincipal.Header].ToString() is { Length: > 0 } principal)
        {
            var (person, instead) = AppServicePrincipal.Read(principal,
                context.Request.Headers[AppServicePrincipal.NameHeader].ToString(), context.Request.Headers[AppServicePrincipal.IdHeader].ToString());
            return person is null ? instead! : await PersonSession.ResolveAsync(person, options, context.RequestServices.GetRequiredService<IRoleAssignments>(),
                context.RequestServices.GetRequiredService<AuthorityDirectory>().First.Id, context.RequestAborted);
        }

        if (options.DevelopmentSignIn && context.Request.Cookies[DevelopmentCookie] is { } cookie)
        {
            try
            {
                var parts = Protector(context).Unprotect(cookie).Split('\n');
                // The development sign-in holds its role in every authority, so the demo's switch shows both.
                return parts.Length == 2 && RoleNames.Parse(parts[1]) is { } role ? new CallerIdentity.Known(new Actor(parts[0], role)) { EveryAuthority = true } : new CallerIdentity.Anonymous();
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return new CallerIdentity.Anonymous();
            }
        }

        return new CallerIdentity.Anonymous();
    }

    /// <summary>Keeps the identity <see cref="ApprovalsAuthenticationHandler"/> resolved from a session (which needs storage) for the rest of the request.</summary>
    public static void Remember(HttpContext context, CallerIdentity identity) => context.Items[typeof(CallerIdentity)] = identity;

    /// <summary>
    /// The caller when their role is one of <paramref name="allowed"/>; otherwise the 401 or 403 to answer. The server
    /// declares roles in endpoint metadata; the Function App, which has no such pipeline, checks them here.
    /// </summary>
    public static (Actor? Actor, IResult? Denied) Authorize(HttpContext context, IReadOnlyCollection<Role> allowed) => Identify(context) switch
    {
        CallerIdentity.Known { Actor: var actor } when allowed.Contains(actor.Role) => (actor, null),
        CallerIdentity.Known { Actor: var actor } => (null, ApiProblems.Forbidden(actor, allowed)),
        CallerIdentity.Refused refused => (null, ApiProblems.RoleRefused(refused.Detail)),
        _ => (null, ApiProblems.Unauthorized()),
    };

    public static void SignIn(HttpContext context, Actor actor) =>
        context.Response.Cookies.Append(DevelopmentCookie, Protector(context).Protect($"{actor.Name}\n{actor.Role}"),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, IsEssential = true });

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(DevelopmentCookie);

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
