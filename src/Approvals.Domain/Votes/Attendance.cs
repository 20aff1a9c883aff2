namespace Approvals.Domain;

/// <summary>Who was there at the session, by name, as the register of deliberations lists them.</summary>
public sealed record Attendance(
    int MembersInOffice,
    IReadOnlyList<string> Present,
    IReadOnlyList<string> Absent,
    IReadOnlyList<Proxy> Proxies,
    IReadOnlyList<string> Interested);
