using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>
/// The beneficiary's session: its own cookie, apart from the agents' identity (another name, another data-protection
/// purpose, so neither can stand for the other), holding the signed-in address and when the session ends.
/// <c>SameSite=Strict</c> and <c>HttpOnly</c>; writes also need <see cref="RequestOrigin.Header"/>, as the agents' do.
/// </summary>
public static class PortalSession
{
    public const string Cookie = "approvals-portal";

    private const string Purpose = "Approvals.Portal.Session";

    /// <summary>The signed-in address, or null.</summary>
    public static string? Address(HttpContext context, DateTimeOffset now)
    {
        if (context.Request.Cookies[Cookie] is not { } cookie)
        {
            return null;
        }

        try
        {
            var parts = Protector(context).Unprotect(cookie).Split('\n');
            return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ends)
                && now < DateTimeOffset.FromUnixTimeSeconds(ends) ? parts[0] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static void SignIn(HttpContext context, string address, DateTimeOffset ends) =>
        context.Response.Cookies.Append(Cookie, Protector(context).Protect($"{address}\n{ends.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, IsEssential = true, Path = "/" });

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
