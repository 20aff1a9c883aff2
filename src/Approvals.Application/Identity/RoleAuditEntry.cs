namespace Approvals.Application;

/// <summary>One change of a person's role in the audit register: who changed it, when, the role before and after (null: none).</summary>
public sealed record RoleAuditEntry(string Person, Role? Before, Role? After, string ChangedBy, DateTimeOffset ChangedAt)
{
    /// <summary>The authority of the role changed (null: the first one).</summary>
    public string? AuthorityId { get; init; }
}
