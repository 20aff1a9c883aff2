namespace Approvals.Application;

/// <summary>Multi-year programmes; their annual tranches are dossiers whose request names the programme.</summary>
public interface IProgrammeStore
{
    Task<Programme?> FindAsync(string id, CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>Every programme, by first year then name.</summary>
    Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken, string? authorityId = null);

    /// <summary>Stores a new programme; false, storing nothing, when one with the same id exists.</summary>
    Task<bool> AddAsync(Programme programme, CancellationToken cancellationToken);
}
