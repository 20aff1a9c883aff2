namespace Approvals.Application;

/// <summary>
/// One dossier's part of a budget line's totals, stored next to the line's row and written with it: the figures of the
/// dossier's state at <paramref name="Version"/> (so that an outbox item applied twice, or late, adds nothing), and
/// the reservation of a vote in flight, made for the dossier version its commit will create (<paramref name="ReservedVersion"/>; 0: none).
/// </summary>
public sealed record DossierShare(
    string DossierId,
    long Version,
    decimal Committed,
    decimal Paid,
    decimal Recovered,
    decimal Reserved,
    long ReservedVersion,
    DateTimeOffset? ReservedAt,
    string? ETag)
{
    public static DossierShare New(string dossierId) => new(dossierId, 0, 0m, 0m, 0m, 0m, 0, null, null);

    public DossierShare WithoutReservation() => this with { Reserved = 0m, ReservedVersion = 0, ReservedAt = null };
}
