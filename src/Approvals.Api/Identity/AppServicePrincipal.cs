using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Approvals.Application;

namespace Approvals.Api;

/// <summary>
/// App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header, read: base64 JSON
/// <c>{ auth_typ, name_typ, role_typ, claims: [{ typ, val }] }</c>. Its role claims are held to what Approvals accepts
/// (at most one, naming a role); the person it names is then resolved as a signed-in person of the server is
/// (<see cref="PersonSession.ResolveAsync"/>): the role claim in the first authority, the assignments Approvals keeps
/// in the others, the first administrator everywhere.
/// </summary>
public static class AppServicePrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>The Entra ID object id, which App Service also sends in its own header.</summary>
    public const string IdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>Where Entra ID and the other providers App Service supports put an address, in the order tried.</summary>
    private static readonly string[] EmailClaims =
        ["email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "preferred_username", "upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"];

    private const string WhomToAsk =
        "Demandez à l'administrateur d'Approvals (Entra ID : Applications d'entreprise › Approvals › Utilisateurs et groupes) "
        + "de vous attribuer un seul des rôles : agent instructeur, secrétariat des assemblées, service des finances, lecteur ou administrateur.";

    /// <summary>
    /// The person of the request's headers as a session principal (<see cref="PersonSession"/>'s claims); a refusal when
    /// a role claim names no role or when there are several (a person with a role they were not meant to have would
    /// otherwise act with it); anonymous when the header cannot be read or names nobody.
    /// </summary>
    public static (ClaimsPrincipal? Person, CallerIdentity? Instead) Read(string principal, string nameHeader, string idHeader)
    {
        List<(string? Type, string? Value)> claims;
        string? roleType;
        string? nameType;
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(principal)));
            var root = json.RootElement;
            roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
            nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() : "name";
            claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString()))
                .ToList();
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, new CallerIdentity.Anonymous());
        }

        var name = claims.FirstOrDefault(c => c.Type == nameType).Value ?? nameHeader;
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, new CallerIdentity.Anonymous());
        }

        var values = claims.Where(c => c.Type == roleType || c.Type == "roles").Select(c => c.Value ?? "").Distinct().ToList();
        if (values.FirstOrDefault(v => RoleNames.Parse(v) is null) is { } unknown)
        {
            return (null, new CallerIdentity.Refused(name, $"Le rôle « {Shorten(unknown)} » n'est pas un rôle d'Approvals. {WhomToAsk}"));
        }

        var roles = values.Select(v => RoleNames.Parse(v)!.Value).Distinct().ToList();
        if (roles is [_, _, ..])
        {
            return (null, new CallerIdentity.Refused(name,
                $"Plusieurs rôles vous sont attribués ({string.Join(", ", roles.Select(RoleLabels.Of))}) ; Approvals n'en accepte qu'un. {WhomToAsk}"));
        }

        var subject = claims.FirstOrDefault(c => c.Type is ObjectIdClaim or "oid").Value is { Length: > 0 } oid ? oid
            : idHeader is { Length: > 0 } ? idHeader : name;
        var email = EmailClaims.Select(type => claims.FirstOrDefault(c => c.Type == type).Value).FirstOrDefault(IsAddress)
            ?? (IsAddress(nameHeader) ? nameHeader : IsAddress(name) ? name : null);

        var person = new List<Claim> { new(PersonSession.SubjectClaim, subject), new(PersonSession.NameClaim, name) };
        if (email is not null)
        {
            person.Add(new Claim(PersonSession.EmailClaim, email));
        }

        person.AddRange(roles.Select(role => new Claim(PersonSession.RoleClaim, role.ToString())));
        return (new ClaimsPrincipal(new ClaimsIdentity(person, "AppService", PersonSession.NameClaim, PersonSession.RoleClaim)), null);
    }

    private static bool IsAddress(string? value) => value is { Length: > 2 } && value.Contains('@', StringComparison.Ordinal);

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
