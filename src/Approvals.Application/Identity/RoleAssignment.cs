namespace Approvals.Application;

/// <summary>The role Approvals keeps for a person (an e-mail address or a provider's subject) in one authority, and who gave it when.</summary>
public sealed record RoleAssignment(string Person, Role Role, string AssignedBy, DateTimeOffset AssignedAt)
{
    /// <summary>The authority the role holds in (null: the first one, as every assignment made before authorities were data).</summary>
    public string? AuthorityId { get; init; }
}
