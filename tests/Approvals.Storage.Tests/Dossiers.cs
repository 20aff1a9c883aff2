using System.Text;
using Approvals.Application;

namespace Approvals.Storage.Tests;

/// <summary>Builds commits the way DossierService will: snapshot, summary, register entries and outbox items.</summary>
internal static class Dossiers
{
    public static readonly DateTimeOffset Start = new(2022, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static string NewId() => $"dos-{Guid.NewGuid():N}";

    public static DossierSummary Summary(string dossierId, string stage = "Submitted", int year = 2022, string line = "BP2022-ENS",
        string beneficiary = "Association Le Pont", string title = "Festival des sciences", decimal requested = 9_000m, DateTimeOffset? updatedAt = null) =>
        new(dossierId, $"SUB-{year}-{Math.Abs(dossierId.GetHashCode()) % 10000:D4}", stage, year, line, beneficiary, "35600000000048", title,
            requested, 0m, 0m, updatedAt ?? Start);

    public static RegisterEntry Event(string dossierId, long sequence, string json = "{}") =>
        new(dossierId, sequence, $"Event{sequence}", json, "agent@example.org", Start.AddMinutes(sequence), $"hash-{sequence - 1}", $"hash-{sequence}");

    public static DossierCommit Commit(string dossierId, string? expectedETag, long fromSequence, int eventCount,
        IReadOnlyList<OutboxItem>? outbox = null, string? snapshot = null, DossierSummary? summary = null)
    {
        var events = Enumerable.Range(0, eventCount).Select(offset => Event(dossierId, fromSequence + offset)).ToList();
        var version = fromSequence + eventCount - 1;
        return new DossierCommit(dossierId, expectedETag, version, snapshot ?? $"{{\"version\":{version}}}", $"hash-{version}",
            summary ?? Summary(dossierId), events, outbox ?? []);
    }

    /// <summary>A dossier of <paramref name="authorityId"/> as the store writes it: its snapshot and state row say whose it is.</summary>
    public static Task<string> OfAuthorityAsync(IDossierStore store, string dossierId, string? authorityId, IReadOnlyList<OutboxItem>? outbox = null) =>
        store.CommitAsync(
            Commit(dossierId, null, 1, 1, outbox, DomainJson.Serialize(Snapshot.Empty with { AuthorityId = authorityId }), Summary(dossierId) with { AuthorityId = authorityId }),
            CancellationToken.None);

    /// <summary>JSON of about <paramref name="characters"/> characters, with accents and a character outside the BMP.</summary>
    public static string LargeJson(int characters)
    {
        var text = new StringBuilder("{\"lines\":[");
        for (var index = 0; text.Length < characters; index++)
        {
            text.Append($"{{\"n\":{index},\"label\":\"Dépense n°{index} — matériel pédagogique 🎓\"}},");
        }

        text.Length--;
        return text.Append("]}").ToString();
    }
}
