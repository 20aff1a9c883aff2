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

    public override string ToString() => $"{Name} ({Role})";
}
