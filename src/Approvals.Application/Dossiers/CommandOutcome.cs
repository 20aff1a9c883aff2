using Approvals.Domain;

namespace Approvals.Application;

/// <summary>What a command left: the dossier's state at <paramref name="Version"/>, and the events it added (none for a repeat).</summary>
public sealed record CommandOutcome(string DossierId, Dossier State, long Version, IReadOnlyList<DossierEvent> NewEvents)
{
    /// <summary>The dossier's authority (null: the first one; see <see cref="Snapshot.AuthorityId"/>).</summary>
    public string? AuthorityId { get; init; }
}
