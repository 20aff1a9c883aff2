using Approvals.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>
/// The authority a request acts in: the one its header or cookie names when the person holds a role there, otherwise
/// the first where they hold one. The person then acts with their role in that authority only, and sees nothing of
/// the others: another authority's dossier answers 404, as one that does not exist.
/// </summary>
public static class CurrentAuthority
{
    /// <summary>Set by the pages' authority switch.</summary>
    public const string Cookie = "approvals-authority";

    /// <summary>For API clients; wins over the cookie.</summary>
    public const string Header = "X-Approvals-Authority";

    /// <summary>The authority the authorised caller acts in, as stored (null: the first one).</summary>
    public static string? Of(HttpContext context) => ApiIdentity.Caller(context).AuthorityId;

    public static string? Requested(HttpContext context) =>
        context.Request.Headers[Header].ToString() is { Length: > 0 } header ? header : context.Request.Cookies[Cookie];

    /// <summary>The known caller acting in the request's authority; other identities as they are.</summary>
    public static async Task<CallerIdentity> ScopeAsync(HttpContext context, CallerIdentity identity, AuthorityDirectory directory)
    {
        if (identity is not CallerIdentity.Known { Scoped: false } known)
        {
            return identity;
        }

        var all = await directory.ListAsync(context.RequestAborted);
        var roles = known.EveryAuthority
            ? all.ToDictionary(a => a.Id, _ => known.Actor.Role)
            : known.Roles ?? new Dictionary<string, Role> { [directory.First.Id] = known.Actor.Role };
        var mine = all.Where(a => roles.ContainsKey(a.Id)).ToList();
        if (mine.Count == 0)
        {
            return new CallerIdentity.Refused(known.Actor.Name,
                "Aucun rôle ne vous est attribué dans une collectivité de ce déploiement d'Approvals. Demandez à l'administrateur d'Approvals de vous en attribuer un.");
        }

        var current = mine.FirstOrDefault(a => a.Id == Requested(context)) ?? mine[0];
        return known with
        {
            Actor = known.Actor with { Role = roles[current.Id], AuthorityId = current.Id == directory.First.Id ? null : current.Id },
            Authorities = mine,
            Scoped = true,
        };
    }
}
