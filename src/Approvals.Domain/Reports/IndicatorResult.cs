namespace Approvals.Domain;

/// <summary>What the activity report says of one of the convention's indicators.</summary>
public sealed record IndicatorResult(string Indicator, string Result);
