using System.Collections.Concurrent;
using Approvals.Application;

namespace Approvals.Storage;

/// <summary>
/// A dossier's summary row and listing rows as this process last wrote them (both at <paramref name="Version"/>): what
/// the next write needs instead of reading them. <paramref name="ETag"/> is the summary row's, <paramref name="ListedETag"/>
/// the <c>all</c> row's (the guard of the listing rows).
/// </summary>
internal sealed record WrittenSummary(DossierSummary Summary, long Version, string SortKey, string ETag, string ListedETag);

/// <summary>
/// The summary rows this process wrote last, per dossier. Correctness never depends on it: a stale entry loses on the
/// ETag and the row is read. When full it drops an arbitrary tenth, as the snapshot cache does.
/// </summary>
internal sealed class WrittenSummaries(int capacity)
{
    private readonly ConcurrentDictionary<string, WrittenSummary> entries = new(StringComparer.Ordinal);

    public bool TryGet(string dossierId, out WrittenSummary? summary) => entries.TryGetValue(dossierId, out summary);

    public void Set(WrittenSummary summary)
    {
        if (entries.Count >= capacity)
        {
            foreach (var key in entries.Keys.Take(capacity / 10))
            {
                entries.TryRemove(key, out _);
            }
        }

        entries[summary.Summary.DossierId] = summary;
    }

    public void Remove(string dossierId) => entries.TryRemove(dossierId, out _);
}
