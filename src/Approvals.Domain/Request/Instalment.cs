namespace Approvals.Domain;

/// <summary>One instalment of the payment terms: a share of the voted amount (in percent) and when it is due.</summary>
public sealed record Instalment(string Label, decimal Percent, InstalmentTrigger Trigger);
