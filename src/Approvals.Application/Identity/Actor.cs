namespace Approvals.Application;

/// <summary>Who sends a command: recorded with every event of the register.</summary>
public sealed record Actor(string Name, Role Role)
{
    public static Actor System { get; } = new("Approvals", Role.System);

    public override string ToString() => $"{Name} ({Role})";
}
