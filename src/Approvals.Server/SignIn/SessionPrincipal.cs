using System.Security.Claims;
using Approvals.Api;

namespace Approvals.Server;

/// <summary>
/// What the session cookie keeps of a provider's claims: subject, e-mail, name and the Approvals roles the role claim
/// maps to (<see cref="PersonSession"/>), under fixed names whatever the provider calls them.
/// </summary>
public static class SessionPrincipal
{
    public static ClaimsPrincipal From(ClaimsPrincipal provider, OpenIdConnectSettings settings)
    {
        var claims = new List<Claim>();
        Add(PersonSession.SubjectClaim, provider.FindFirst(settings.SubjectClaim)?.Value);
        Add(PersonSession.EmailClaim, provider.FindFirst(settings.EmailClaim)?.Value);
        Add(PersonSession.NameClaim, string.Join(' ', settings.NameClaims.Select(c => provider.FindFirst(c)?.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v))));
        if (settings.RoleClaim is { Length: > 0 } roleClaim)
        {
            foreach (var role in MapRoles(provider.FindAll(roleClaim).Select(c => c.Value), settings.RoleMap).Distinct())
            {
                Add(PersonSession.RoleClaim, role);
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, PersonSession.Scheme, PersonSession.NameClaim, PersonSession.RoleClaim));

        void Add(string type, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                claims.Add(new Claim(type, value));
            }
        }
    }

    /// <summary>The Approvals role names the provider's values map to; a value mapping to nothing is left out.</summary>
    public static IEnumerable<string> MapRoles(IEnumerable<string> values, IReadOnlyDictionary<string, string> map)
    {
        var lookup = new Dictionary<string, string>(map, StringComparer.OrdinalIgnoreCase);
        return values
            .Select(v => lookup.Count == 0 ? v : lookup.GetValueOrDefault(v.Trim()))
            .Select(v => RoleNames.Parse(v)?.ToString())
            .OfType<string>();
    }
}
