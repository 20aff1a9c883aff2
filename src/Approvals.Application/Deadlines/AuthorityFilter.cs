namespace Approvals.Application;

/// <summary>Keep only the dossiers of <paramref name="AuthorityId"/> (null: the first authority's).</summary>
public sealed record AuthorityFilter(string? AuthorityId);
