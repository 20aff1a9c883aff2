using System.Text;
using System.Text.Json;
using Approvals.Application;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>Who is calling, from App Service authentication headers (Azure) or the development sign-in cookie.</summary>
public static class ApiIdentity
{
    public const string DevelopmentCookie = "approvals-identity";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    private const string Purpose = "Approvals.DevelopmentSignIn";

    private const string WhomToAsk =
        "Demandez à l'administrateur d'Approvals (Entra ID : Applications d'entreprise › Approvals › Utilisateurs et groupes) "
        + "de vous attribuer un seul des rôles : agent instructeur, secrétariat des assemblées, service des finances, lecteur ou administrateur.";

    public static Actor? Resolve(HttpContext context) => Identify(context) is CallerIdentity.Known known ? known.Actor : null;

    /// <summary>
    /// The caller of a handler whose roles were checked before it ran (endpoint metadata on the server, the trigger in the
    /// Function App); reaching it without one is a bug, not a refusal.
    /// </summary>
    public static Actor Caller(HttpContext context) =>
        Resolve(context) ?? throw new InvalidOperationException("A handler ran without an authorised caller: its roles were not checked.");

    public static CallerIdentity Identify(HttpContext context)
    {
        if (context.Items[typeof(CallerIdentity)] is CallerIdentity session)
        {
            return session;
        }

        var options = context.RequestServices.GetRequiredService<IdentityOptions>();
        if (options.TrustAppServiceHeaders && context.Request.Headers[PrincipalHeader].ToString() is { Length: > 0 } principal)
        {
            return FromAppService(principal, context.Request.Headers[PrincipalNameHeader].ToString(), options);
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

    /// <summary>
    /// The principal is base64 JSON: <c>{ auth_typ, name_typ, role_typ, claims: [{ typ, val }] }</c>. Exactly one role
    /// claim naming a role is accepted; none, an unknown value or several are refused (a person with no role would
    /// otherwise read every dossier), unless <see cref="IdentityOptions.RoleWithoutClaim"/> names a role for "none".
    /// </summary>
    private static CallerIdentity FromAppService(string principal, string nameHeader, IdentityOptions options)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(principal)));
            var root = json.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
            var nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() : "name";
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString()))
                .ToList();
            var name = claims.FirstOrDefault(c => c.Type == nameType).Value ?? nameHeader;
            if (string.IsNullOrWhiteSpace(name))
            {
                return new CallerIdentity.Anonymous();
            }

            var values = claims.Where(c => c.Type == roleType || c.Type == "roles").Select(c => c.Value ?? "").Distinct().ToList();
            if (values.FirstOrDefault(v => RoleNames.Parse(v) is null) is { } unknown)
            {
                return new CallerIdentity.Refused(name, $"Le rôle « {Shorten(unknown)} » n'est pas un rôle d'Approvals. {WhomToAsk}");
            }

            var roles = values.Select(v => RoleNames.Parse(v)!.Value).Distinct().ToList();
            return roles switch
            {
                [var role] => new CallerIdentity.Known(new Actor(name, role)),
                [] when options.RoleWithoutClaim is { } fallback && RoleNames.People.Contains(fallback) => new CallerIdentity.Known(new Actor(name, fallback)),
                [] => new CallerIdentity.Refused(name, $"Aucun rôle ne vous est attribué dans Approvals. {WhomToAsk}"),
                _ => new CallerIdentity.Refused(name, $"Plusieurs rôles vous sont attribués ({string.Join(", ", roles.Select(RoleLabels.Of))}) ; Approvals n'en accepte qu'un. {WhomToAsk}"),
            };
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new CallerIdentity.Anonymous();
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
