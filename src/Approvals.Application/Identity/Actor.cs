namespace Approvals.Application;

/// <summary>Who sends a command: recorded with every event of the register.</summary>
public sealed record Actor(string Name, Role Role)
{
    /// <summary>
    /// The authority the person acts in (null: the deployment's first one). A person sees and changes only that
    /// authority's dossiers; <see cref="Role.System"/> acts in all of them.
    /// </summary>
    public string? AuthorityId { get; init; }

    /// <summary>Whether the actor may see a dossier of <paramref name="authorityId"/>.</summary>
    public bool Sees(string? authorityId) => Role == Role.System || AuthorityId == authorityId;

    public static Actor System { get; } = new("Approvals", Role.System);

    /// <summary>
    /// True for the beneficiary acting through the portal: <see cref="Name"/> is the address its session proved. The
    /// role enum is the agents', so the portal holds no role of theirs (<see cref="Role.System"/> opens no agent route);
    /// the register says who and through what.
    /// </summary>
    public bool ThroughPortal { get; private init; }

    /// <summary>The beneficiary, by the address their one-time link proved, acting through the portal.</summary>
    public static Actor Beneficiary(string address) => new(address, Role.System) { ThroughPortal = true };

    public override string ToString() => ThroughPortal ? $"{Name} (Beneficiary via portal)" : $"{Name} ({Role})";
}
