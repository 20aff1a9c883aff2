using System.Security.Claims;
using Approvals.Application;

namespace Approvals.Api;

/// <summary>
/// The session of a person signed in through OpenID Connect (a cookie written by the server's sign-in), the few claims
/// it keeps, and the person's role: from the provider's role claim when it maps to one, otherwise from the
/// assignments Approvals keeps. No role is refused with whom to ask, never read access.
/// </summary>
public static class PersonSession
{
    public const string Scheme = "ApprovalsSession";
    public const string SubjectClaim = "sub";
    public const string EmailClaim = "email";
    public const string NameClaim = "name";

    /// <summary>The Approvals roles the provider's role or group claim mapped to at sign-in (none when nothing mapped).</summary>
    public const string RoleClaim = "approvals_role";

    /// <summary>
    /// The person's roles: the first administrator's in every authority; a provider's role claim in the first
    /// authority (<paramref name="firstAuthorityId"/>), with the assignments Approvals keeps in the others; otherwise
    /// only those assignments; with neither, <see cref="IdentityOptions.RoleWithoutClaim"/> in the first authority when set.
    /// The same for the server's OpenID Connect session and App Service authentication (<see cref="AppServicePrincipal"/>).
    /// </summary>
    public static async Task<CallerIdentity> ResolveAsync(
        ClaimsPrincipal principal, IdentityOptions options, IRoleAssignments assignments, string firstAuthorityId, CancellationToken cancellationToken)
    {
        if (principal.FindFirst(SubjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return new CallerIdentity.Anonymous();
        }

        var email = principal.FindFirst(EmailClaim)?.Value;
        var name = principal.FindFirst(NameClaim)?.Value is { Length: > 0 } named ? named : email ?? subject;
        if (options.FirstAdministrator is { Length: > 0 } first && (PersonKey(first) == PersonKey(subject) || (email is not null && PersonKey(first) == PersonKey(email))))
        {
            return new CallerIdentity.Known(new Actor(name, Role.Administrator)) { EveryAuthority = true };
        }

        var claimed = principal.FindAll(RoleClaim).Select(c => RoleNames.Parse(c.Value)).OfType<Role>().Distinct().ToList();
        if (claimed is [_, _, ..])
        {
            return new CallerIdentity.Refused(name,
                $"Votre fournisseur d'identité vous attribue plusieurs rôles ({string.Join(", ", claimed.Select(RoleLabels.Of))}) ; Approvals n'en accepte qu'un. "
                + $"Demandez à {options.AccessContact} de n'en garder qu'un.");
        }

        // By subject first, then by address: a role given to the subject wins in its authority.
        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var key in email is { Length: > 0 } ? [PersonKey(subject), PersonKey(email)] : new[] { PersonKey(subject) })
        {
            foreach (var assigned in await assignments.FindAllAsync(key, cancellationToken))
            {
                roles.TryAdd(assigned.AuthorityId ?? firstAuthorityId, assigned.Role);
            }
        }

        if (claimed is [var claim])
        {
            roles[firstAuthorityId] = claim;
        }
        else if (roles.Count == 0 && options.RoleWithoutClaim is { } fallback)
        {
            roles[firstAuthorityId] = fallback;
        }

        return roles.Count > 0
            ? new CallerIdentity.Known(new Actor(name, roles.GetValueOrDefault(firstAuthorityId, roles.First().Value))) { Roles = roles }
            : new CallerIdentity.Refused(name,
                $"Vous êtes connecté(e) en tant que {name}{(email is null ? "" : $" ({email})")}, mais aucun rôle ne vous est attribué dans Approvals : "
                + $"vous ne pouvez rien consulter. Demandez à {options.AccessContact} de vous attribuer un rôle "
                + $"(agent instructeur, secrétariat des assemblées, service des finances, lecteur ou administrateur) en indiquant {(email is null ? $"votre identifiant « {subject} »" : "cette adresse")}.");
    }

    /// <summary>How a person is keyed: an e-mail address in lower case (addresses are compared without case), a subject as sent.</summary>
    public static string PersonKey(string person)
    {
        var trimmed = person.Trim();
        return trimmed.Contains('@', StringComparison.Ordinal) ? trimmed.ToLowerInvariant() : trimmed;
    }
}
