using System.Runtime.CompilerServices;
using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// What an export reads, for both hosts: the states of one authority's dossiers, streamed from its stored snapshots
/// (one storage page held at a time, never every dossier), and for the SCDL file the authority itself and the aid
/// scheme of each of its budget lines.
/// </summary>
public sealed class ExportLoading(IDossierStore store, IBudgetLineStore lines, AuthorityDirectory authorities)
{
    /// <summary>The states of the dossiers the query finds (its authority's only), in dossier number order, one at a time.</summary>
    public async IAsyncEnumerable<Dossier> StatesAsync(DossierQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var json in store.ReadSnapshotsAsync(query, cancellationToken))
        {
            yield return DomainJson.Deserialize<Snapshot>(json).State;
        }
    }

    /// <summary>The same, all at once: for the few dossiers of a programme.</summary>
    public async Task<IReadOnlyList<Dossier>> LoadAsync(DossierQuery query, CancellationToken cancellationToken) =>
        await StatesAsync(query, cancellationToken).ToListAsync(cancellationToken);

    /// <summary>
    /// The SCDL file's sources for the authority (null: the first one): the authority whose grants they are
    /// (<c>nomAttribuant</c>, <c>idAttribuant</c>), the aid scheme registered on each of its lines, and its dossiers of the year.
    /// </summary>
    public async Task<ScdlSources> ScdlAsync(int? year, string? authorityId, CancellationToken cancellationToken)
    {
        var authority = await authorities.FindAsync(authorityId, cancellationToken) ?? authorities.First;
        var schemes = (await lines.ListBalancesAsync(year, cancellationToken, authorityId)).ToDictionary(l => (l.Year, l.Code), l => l.AidScheme);
        return new ScdlSources(
            authority,
            line => schemes.GetValueOrDefault((line.Year, line.Code)),
            StatesAsync(new DossierQuery(Year: year, AuthorityId: authorityId), cancellationToken));
    }

    public sealed record ScdlSources(GrantingAuthority Authority, Func<BudgetLineRef, string?> AidScheme, IAsyncEnumerable<Dossier> Dossiers);
}
