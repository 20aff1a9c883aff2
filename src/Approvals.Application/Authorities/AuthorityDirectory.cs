namespace Approvals.Application;

/// <summary>
/// The deployment's authorities, read through a short cache (they change only through settings and the demo).
/// <see cref="First"/> is the settings block, always read from the settings (a stored row of the same id is ignored): it
/// owns every row written before authorities were data (a snapshot, a role assignment without an authority), so a
/// single-authority deployment needs nothing stored and nothing migrated by hand.
/// </summary>
public sealed class AuthorityDirectory(IAuthorityStore store, GrantingAuthority first, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private (IReadOnlyList<GrantingAuthority> Authorities, DateTimeOffset ReadAt)? cached;

    /// <summary>The first authority; its id must follow <see cref="AuthorityIds"/> as every other's (<c>Authority:Id</c>).</summary>
    public GrantingAuthority First { get; } = AuthorityIds.IsValid(first.Id) ? first : throw AuthorityIds.Invalid(first.Id, "Authority:Id");

    /// <summary>The id rows without one belong to: the first authority's.</summary>
    public string Owner(string? authorityId) => string.IsNullOrEmpty(authorityId) ? First.Id : authorityId;

    /// <summary>Every authority, the first one first, then by id.</summary>
    public async Task<IReadOnlyList<GrantingAuthority>> ListAsync(CancellationToken cancellationToken)
    {
        if (cached is { } known && time.GetUtcNow() - known.ReadAt < Lifetime)
        {
            return known.Authorities;
        }

        var stored = await store.ListAsync(cancellationToken);
        IReadOnlyList<GrantingAuthority> authorities =
            [First, .. stored.Where(a => a.Id != First.Id).OrderBy(a => a.Id, StringComparer.Ordinal)];
        cached = (authorities, time.GetUtcNow());
        return authorities;
    }

    public async Task<GrantingAuthority?> FindAsync(string? authorityId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(a => a.Id == Owner(authorityId));

    /// <summary>
    /// Whether the beneficiaries' portal offers <paramref name="authority"/>: the first always (its <c>Portal</c> section
    /// is checked at start), another once its portal settings are complete. The list the form shows, the authority a
    /// request may be addressed to and the service its acknowledgment names all ask here.
    /// </summary>
    public bool OffersPortal(GrantingAuthority authority) => authority.Id == First.Id || authority.Portal is { IsComplete: true };

    /// <summary>Stores the authority; an id that breaks <see cref="AuthorityIds"/> throws <see cref="ArgumentException"/> and stores nothing.</summary>
    public async Task SaveAsync(GrantingAuthority authority, CancellationToken cancellationToken)
    {
        if (!AuthorityIds.IsValid(authority.Id))
        {
            throw AuthorityIds.Invalid(authority.Id, nameof(authority));
        }

        await store.SaveAsync(authority, cancellationToken);
        cached = null;
    }
}
