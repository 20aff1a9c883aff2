namespace Approvals.Domain;

/// <summary>The activity report: the actions carried out, and a result for each indicator the convention set.</summary>
public sealed record ActivityReport(string Summary, IReadOnlyList<IndicatorResult> Indicators);
