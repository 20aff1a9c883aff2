namespace Approvals.Domain;

/// <summary>A proxy (procuration): an absent member gives their vote to a present one.</summary>
public sealed record Proxy(string Giver, string Holder);
