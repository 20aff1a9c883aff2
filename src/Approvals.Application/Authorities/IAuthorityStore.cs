namespace Approvals.Application;

/// <summary>The authorities of the deployment. Few, read often, added by the demo or an operator.</summary>
public interface IAuthorityStore
{
    /// <summary>Every authority stored (the first one lives in the settings: see <see cref="AuthorityDirectory"/>).</summary>
    Task<IReadOnlyList<GrantingAuthority>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the authority of that id.</summary>
    Task SaveAsync(GrantingAuthority authority, CancellationToken cancellationToken);
}
