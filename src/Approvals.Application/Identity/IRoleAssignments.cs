namespace Approvals.Application;

/// <summary>Role assignments kept by Approvals, and their append-only audit register.</summary>
public interface IRoleAssignments
{
    Task<RoleAssignment?> FindAsync(string person, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoleAssignment>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets (role) or removes (null) the person's role and appends the change to the audit register, both in one
    /// write. Returns the entry recorded, or null when the role was already that one (nothing is written).
    /// </summary>
    Task<RoleAuditEntry?> ChangeAsync(string person, Role? role, string changedBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The register, newest first.</summary>
    Task<IReadOnlyList<RoleAuditEntry>> AuditAsync(int max, CancellationToken cancellationToken);
}
