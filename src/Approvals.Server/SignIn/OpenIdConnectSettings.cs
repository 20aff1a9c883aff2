namespace Approvals.Server;

/// <summary>
/// The OpenID Connect sign-in of the self-hosted server (section <c>Identity:OpenIdConnect</c>): off until
/// <see cref="Authority"/> is set. Only settings differ between Entra ID, Keycloak, LemonLDAP::NG and ProConnect.
/// </summary>
public sealed record OpenIdConnectSettings
{
    public const string SectionName = "Identity:OpenIdConnect";

    /// <summary>The issuer URL; its <c>/.well-known/openid-configuration</c> gives the endpoints and keys.</summary>
    public string? Authority { get; init; }

    public string ClientId { get; init; } = "";

    public string? ClientSecret { get; init; }

    /// <summary>Scopes asked for, <c>openid</c> included.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile", "email"];

    /// <summary>The claims whose values, joined by a space, make the person's name (ProConnect: <c>given_name</c>, <c>usual_name</c>).</summary>
    public IReadOnlyList<string> NameClaims { get; init; } = ["name"];

    public string EmailClaim { get; init; } = "email";

    /// <summary>The claim that identifies the person for good (assignments by subject use it).</summary>
    public string SubjectClaim { get; init; } = "sub";

    /// <summary>The claim carrying roles or groups (<c>roles</c>, <c>groups</c>…); none: roles come only from Approvals' assignments.</summary>
    public string? RoleClaim { get; init; }

    /// <summary>
    /// Claim value → Approvals role name (<c>CaseOfficer</c>, <c>Secretariat</c>, <c>Finance</c>, <c>Reader</c>,
    /// <c>Administrator</c>). Values that map to nothing are ignored (a groups claim lists unrelated groups too); with no
    /// map, the values are read as role names.
    /// </summary>
    public IReadOnlyDictionary<string, string> RoleMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Read the user info endpoint too (ProConnect sends the person's claims only there).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; init; }

    /// <summary>Refuse an authority over plain HTTP. Only a provider on the loopback (tests) may turn it off.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>Extra authorization request parameters (ProConnect: <c>acr_values</c>; Entra ID: <c>domain_hint</c>).</summary>
    public IReadOnlyDictionary<string, string> AuthorizationParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>A session unused this long ends (the cookie's sliding expiry).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active: the person signs in again at the provider.</summary>
    public TimeSpan AbsoluteTimeout { get; init; } = TimeSpan.FromHours(10);

    /// <summary>Clock skew tolerated on token lifetimes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);
}
