using Approvals.Application;

namespace Approvals.Api;

/// <summary>Where identities come from (section <c>Identity</c>).</summary>
public sealed record IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// Trust App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> headers. Only behind App Service (which sets
    /// them and strips what clients send): on a bare server anyone could forge them.
    /// </summary>
    public bool TrustAppServiceHeaders { get; init; }

    /// <summary>The development sign-in (pick a name and a role). The server turns it on only in Development.</summary>
    public bool DevelopmentSignIn { get; init; }

    /// <summary>
    /// The role, in the first authority, of a signed-in person whose token carries no role claim and who holds no role
    /// assignment. None by default: such a person is refused (403), since anyone in the tenant could otherwise read
    /// every dossier. Set it (e.g. <c>Reader</c>) only where signing in is itself restricted to the right people.
    /// </summary>
    public Role? RoleWithoutClaim { get; init; }

    /// <summary>
    /// The person (e-mail address or the provider's subject) who is always <see cref="Role.Administrator"/>, whatever
    /// the stored assignments say: the first administrator, who assigns the others, and who cannot be locked out.
    /// </summary>
    public string? FirstAdministrator { get; init; }

    /// <summary>Whom a person without a role should ask, shown on the "no access" page (e.g. "le service informatique, poste 4321").</summary>
    public string AccessContact { get; init; } = "l'administrateur d'Approvals";
}
