using Approvals.Application;

namespace Approvals.Finance;

/// <summary>
/// The local authority that grants: its name and SIRET (the SCDL's attribuant), and, for the convention's text, who
/// represents it (its president and the title, "Présidente" or "Président"), the town where it signs and the
/// administrative court competent for disputes.
/// </summary>
public sealed record Authority(string Name, string Siret)
{
    public string? President { get; init; }

    public string PresidentTitle { get; init; } = "Président";

    public string? Seat { get; init; }

    public string? Court { get; init; }

    /// <summary>The convention's and the SCDL's view of one of the deployment's authorities (its SCDL settings may name another attribuant).</summary>
    public static Authority From(GrantingAuthority authority) =>
        new(authority.Scdl.NomAttribuant ?? authority.Name, authority.Scdl.IdAttribuant ?? authority.Siret)
        {
            President = authority.President,
            PresidentTitle = authority.PresidentTitle,
            Seat = authority.Seat,
            Court = authority.Court,
        };
}
