namespace Approvals.Application;

/// <summary>Role assignments kept by Approvals, and their append-only audit register.</summary>
public interface IRoleAssignments
{
    /// <summary>The person's role in the first authority.</summary>
    Task<RoleAssignment?> FindAsync(string person, CancellationToken cancellationToken);

    /// <summary>The person's roles, one per authority where they hold one.</summary>
    Task<IReadOnlyList<RoleAssignment>> FindAllAsync(string person, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoleAssignment>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets (role) or removes (null) the person's role in <paramref name="authorityId"/> (null: the first authority) and
    /// appends the change to the audit register, both in one write. Returns the entry recorded, or null when the role
    /// was already that one (nothing is written).
    /// </summary>
    Task<RoleAuditEntry?> ChangeAsync(string person, Role? role, string changedBy, DateTimeOffset now, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>The register, newest first.</summary>
    Task<IReadOnlyList<RoleAuditEntry>> AuditAsync(int max, CancellationToken cancellationToken);
}
