using Microsoft.AspNetCore.Http;

namespace Approvals.Api;

/// <summary>
/// CSRF defence: a state-changing request must carry <see cref="Header"/>. A form on another site cannot set a header,
/// a <c>no-cors</c> fetch may send only CORS-safelisted ones, and a CORS fetch with it needs a preflight that this
/// application never grants; so only the application's own scripts can send it. The cookie's <c>SameSite=Strict</c>
/// alone lets a page on another port of the same host through. Browsers that send <c>Sec-Fetch-Site</c> are held
/// to the application's own origin as well.
/// </summary>
public static class RequestOrigin
{
    public const string Header = "X-Approvals-Request";

    /// <summary>null when the request may go on; otherwise the 403 to answer.</summary>
    public static IResult? Check(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return null;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return request.Headers[Header].ToString().Length == 0 || site is "cross-site" or "same-site"
            ? ApiProblems.Problem(StatusCodes.Status403Forbidden, "request.origin", "Requête refusée",
                $"Cette requête ne provient pas des pages d'Approvals (en-tête {Header} absent ou requête d'un autre site) : elle n'a rien modifié.", [])
            : null;
    }
}
