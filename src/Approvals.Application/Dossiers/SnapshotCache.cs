using System.Collections.Concurrent;

namespace Approvals.Application;

/// <summary>
/// Recently used snapshots. Correctness never depends on it: a stale entry loses on the ETag and is reloaded. When
/// full it drops an arbitrary tenth, which is enough to bound memory without bookkeeping on the hot path.
/// </summary>
internal sealed class SnapshotCache(int capacity)
{
    private readonly ConcurrentDictionary<string, CachedDossier> entries = new();

    public bool TryGet(string dossierId, out CachedDossier dossier) => entries.TryGetValue(dossierId, out dossier!);

    public void Set(CachedDossier dossier)
    {
        if (entries.Count >= capacity)
        {
            foreach (var key in entries.Keys.Take(capacity / 10))
            {
                entries.TryRemove(key, out _);
            }
        }

        entries[dossier.DossierId] = dossier;
    }

    public void Remove(string dossierId) => entries.TryRemove(dossierId, out _);
}
