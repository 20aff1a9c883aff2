namespace Approvals.Domain;

/// <summary>A revenue line of the provisional budget: one funder; <paramref name="FromThisAuthority"/> marks ours.</summary>
public sealed record RevenueLine(string Funder, decimal Amount, bool FromThisAuthority);
