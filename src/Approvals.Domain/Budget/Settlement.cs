namespace Approvals.Domain;

/// <summary>The final account of a grant: what the beneficiary is entitled to, given its real costs, and what it must repay.</summary>
public sealed record Settlement(decimal RealEligibleCosts, decimal Rate, decimal Entitled, decimal Paid, decimal Recovery);
