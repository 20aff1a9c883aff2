using Approvals.Application;

namespace Approvals.Api;

/// <summary>
/// The role names a person may hold, read strictly: <c>Enum.TryParse</c> would also take <c>"7"</c>, <c>"2"</c> (Finance)
/// and <c>"Finance,Reader"</c> (a flags combination), which no one is assigned.
/// </summary>
public static class RoleNames
{
    public static IReadOnlyList<Role> People { get; } = [Role.CaseOfficer, Role.Secretariat, Role.Finance, Role.Reader, Role.Administrator];

    public static Role? Parse(string? value) =>
        People.Select(r => (Role?)r).FirstOrDefault(r => string.Equals(r.ToString(), value, StringComparison.OrdinalIgnoreCase));
}
