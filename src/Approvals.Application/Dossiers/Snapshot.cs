using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// What the <c>state</c> row holds: the dossier's state and the last idempotency keys it processed. Keeping the keys
/// in the snapshot makes "retry returns the first result" atomic with the command itself and free to check.
/// </summary>
public sealed record Snapshot(Dossier State, IReadOnlyList<ProcessedRequest> Requests)
{
    /// <summary>How many idempotency keys a dossier remembers.</summary>
    public const int RememberedRequests = 100;

    public static Snapshot Empty { get; } = new(Dossier.Empty, []);

    /// <summary>
    /// The authority the dossier belongs to, fixed at its creation; null for the deployment's first authority (so every
    /// snapshot written before authorities were data belongs to it, unchanged).
    /// </summary>
    public string? AuthorityId { get; init; }
}
