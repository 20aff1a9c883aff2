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

    public static Actor? Resolve(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IdentityOptions>();
        if (options.TrustAppServiceHeaders && context.Request.Headers[PrincipalHeader].ToString() is { Length: > 0 } principal)
        {
            return FromAppService(principal, context.Request.Headers[PrincipalNameHeader].ToString());
        }

        if (options.DevelopmentSignIn && context.Request.Cookies[DevelopmentCookie] is { } cookie)
        {
            try
            {
                var parts = Protector(context).Unprotect(cookie).Split('\n');
                return parts.Length == 2 && Enum.TryParse<Role>(parts[1], out var role) && role != Role.System ? new Actor(parts[0], role) : null;
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The caller when their role is one of <paramref name="allowed"/>; otherwise the 401 or 403 to answer.</summary>
    public static (Actor? Actor, IResult? Denied) Authorize(HttpContext context, IReadOnlyCollection<Role> allowed)
    {
        var actor = Resolve(context);
        return actor is null ? (null, ApiProblems.Unauthorized())
            : allowed.Contains(actor.Role) ? (actor, null)
            : (null, ApiProblems.Forbidden(actor, allowed));
    }

    public static void SignIn(HttpContext context, Actor actor) =>
        context.Response.Cookies.Append(DevelopmentCookie, Protector(context).Protect($"{actor.Name}\n{actor.Role}"),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, IsEssential = true });

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(DevelopmentCookie);

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    /// <summary>The principal is base64 JSON: <c>{ auth_typ, name_typ, role_typ, claims: [{ typ, val }] }</c>.</summary>
    private static Actor? FromAppService(string principal, string nameHeader)
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
            var role = claims.Where(c => c.Type == roleType || c.Type == "roles")
                .Select(c => Enum.TryParse<Role>(c.Value, ignoreCase: true, out var r) && r != Role.System ? r : (Role?)null)
                .FirstOrDefault(r => r is not null) ?? Role.Reader;
            var name = claims.FirstOrDefault(c => c.Type == nameType).Value ?? nameHeader;
            return string.IsNullOrWhiteSpace(name) ? null : new Actor(name, role);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
