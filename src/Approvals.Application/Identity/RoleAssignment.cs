namespace Approvals.Application;

/// <summary>The role Approvals keeps for a person (an e-mail address or a provider's subject), and who gave it when.</summary>
public sealed record RoleAssignment(string Person, Role Role, string AssignedBy, DateTimeOffset AssignedAt);
