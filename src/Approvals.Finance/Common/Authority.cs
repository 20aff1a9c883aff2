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
}
