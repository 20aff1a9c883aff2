namespace Approvals.Bench;

/// <summary>What one scenario measured, or the error that stopped it.</summary>
public sealed record ScenarioResult(string Id, string Title, IReadOnlyList<Metric> Metrics, IReadOnlyList<string> Notes, string? Error = null);
