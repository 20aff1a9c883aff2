using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// One local authority that grants subsidies in this deployment: its name and SIRET (the SCDL's attribuant), who
/// represents it (president and title) and where it signs (seat), the administrative court competent for disputes,
/// the territory whose public holidays its deadlines skip, its deliberative bodies and its SCDL settings.
/// <paramref name="Id"/> is a short slug ("gbm"): it prefixes the authority's storage keys and names it in the
/// current-authority cookie, so it never changes. Named apart from <c>Approvals.Finance.Authority</c>, the convention's
/// and the SCDL's view of it (<see cref="Name"/> and <see cref="Siret"/> and the signatory), which it maps to.
/// </summary>
public sealed record GrantingAuthority(string Id, string Name, string Siret)
{
    public string? President { get; init; }

    public string PresidentTitle { get; init; } = "Président";

    public string? Seat { get; init; }

    public string? Court { get; init; }

    public Territory Territory { get; init; } = Territory.General;

    public IReadOnlyList<DeliberativeBody> Bodies { get; init; } = [];

    public ScdlSettings Scdl { get; init; } = new();

    /// <summary>
    /// The authority's finance staff: the approval, payment and recovery e-mails and the daily digest of its dossiers go
    /// to them. The first authority's are the setting <c>Mail:FinanceRecipients</c> (this list is not read for it).
    /// </summary>
    public IReadOnlyList<string> FinanceRecipients { get; init; } = [];

    /// <summary>Its side of the beneficiaries' portal; null: the portal does not offer it. Not read for the first authority (the <c>Portal</c> settings).</summary>
    public AuthorityPortal? Portal { get; init; }
}
