namespace Approvals.Application;

/// <summary>
/// Where the beneficiaries' portal is, for the links of e-mails written away from any request (the outbox, the clock),
/// and the service its letters name. The configured public address (<c>Portal:PublicBaseUrl</c>), or, unset, the first
/// address the host listens on (development and tests); null when neither is known: the mails then name the portal
/// without a link.
/// </summary>
public sealed class PortalSite(string? publicBaseUrl, PortalService service, Func<string?> listening)
{
    public PortalService Service { get; } = service;

    /// <summary>The absolute address of <paramref name="path"/> on the portal's site, or null when the site is not known.</summary>
    public Uri? Link(string path)
    {
        var site = publicBaseUrl is { Length: > 0 } configured ? configured : listening();
        return site is null || !Uri.TryCreate(site, UriKind.Absolute, out var root) ? null : new Uri(new Uri(root.GetLeftPart(UriPartial.Authority)), path);
    }

    /// <summary>The follow page of <paramref name="dossierId"/>.</summary>
    public Uri? DossierPage(string dossierId) => Link($"/portail/dossier.html?id={Uri.EscapeDataString(dossierId)}");
}
