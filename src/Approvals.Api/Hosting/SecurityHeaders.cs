using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Approvals.Api;

/// <summary>
/// The response headers every answer carries, on both hosts. The pages have no inline script, style or handler
/// (scripts and styles are files), so the policy allows only files from the application's own origin.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference (<c>/scalar</c>, a third-party page) writes its configuration in an inline script and styles: it alone may.</summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>One year. Browsers ignore it over plain HTTP (RFC 6797 §8.1), so it is safe to send behind a TLS-terminating proxy.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Sets the headers on <paramref name="response"/> (call before it starts); an API answer is never stored by a cache.</summary>
    public static void Apply(HttpResponse response, bool hsts)
    {
        var headers = response.Headers;
        var path = response.HttpContext.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (hsts)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (path.StartsWithSegments("/api"))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
