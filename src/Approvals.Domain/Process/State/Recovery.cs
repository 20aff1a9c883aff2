namespace Approvals.Domain;

/// <summary>The recovery order (titre de recette): how much the beneficiary pays back, and why.</summary>
public sealed record Recovery(decimal Amount, RecoveryReason Reason);
