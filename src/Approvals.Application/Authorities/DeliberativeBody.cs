namespace Approvals.Application;

/// <summary>A deliberative body of an authority (its bureau, its council) and its members in office, as the vote form proposes them.</summary>
public sealed record DeliberativeBody(string Name, IReadOnlyList<string> MembersInOffice);
