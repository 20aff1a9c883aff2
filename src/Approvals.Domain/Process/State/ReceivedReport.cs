namespace Approvals.Domain;

/// <summary>The final report received, and the settlement computed on its real eligible costs.</summary>
public sealed record ReceivedReport(DateOnly ReceivedOn, Settlement Settlement);
