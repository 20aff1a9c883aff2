using System.Globalization;
using Approvals.Application;
using Azure.Data.Tables;

namespace Approvals.Storage;

/// <summary>
/// The rows of the dossier index. Per dossier: one summary row in the summaries table (partition and row: the dossier;
/// its summary and snapshot, guarded by the dossier's version; in dossier number order for the exports), and key rows
/// in the index table, all of an authority's in one partition (<see cref="PartitionOf"/>), so that a stage change's rows
/// (the new listing's added, the old one's removed) are one transaction. A key row's row key is its listing then the dossier's sort key:
/// <c>all|…</c>, <c>stage|…|…</c>, <c>year|…|…</c>, <c>line|…|…</c>, <c>programme|…|…</c>, <c>overdue|…</c>, and one row
/// per word in <c>text|word|…</c> and <c>beneficiary|word|…</c>; a listing is a row key range. The sort key is newest
/// first, fixed when the dossier is first indexed, so a key row moves only when the dossier leaves a listing.
/// The listing rows carry the whole summary and its version (a page is then one range query, no read per dossier); the
/// <c>all</c> row, which every dossier has once and which never moves, is their guard: each update of a dossier's listing
/// rows is one transaction conditional on its ETag, so they are never left at different versions. Word rows only point
/// at the dossier: a search checks each candidate against its summary row.
/// The first authority's partition is unprefixed, as dossiers written before authorities existed carry none; any other
/// authority's is prefixed with its id, so one authority's list and search queries never read another's rows. An index
/// of an earlier layout (a partition per listing, or listing rows without the summary) is rewritten at start in the
/// background (<see cref="StorageUpgrade"/>), and its marker row (<see cref="LayoutPartition"/>) then says so.
/// </summary>
internal static class DossierIndexRows
{
    public const string All = "all";
    public const string Overdue = "overdue";
    public const string TextWords = "text";
    public const string BeneficiaryWords = "beneficiary";

    /// <summary>The first authority's partition of the key rows (a listing is a range of row keys in it).</summary>
    public const string Partition = "index";

    /// <summary>The partition (and row) of the marker saying which layout the index is written in.</summary>
    public const string LayoutPartition = "~layout";

    /// <summary>
    /// The layout this code writes: 1 had a partition per listing, 2 a partition per authority whose listing rows only
    /// pointed at the dossier, 3 listing rows that carry the summary (and the outbox's and ledger's listings of their own).
    /// </summary>
    public const int Layout = 3;

    /// <summary>A key row: where it is, the dossier it points to, and whether it is a listing row (else a word row).</summary>
    public sealed record KeyRow(string Partition, string Row, string DossierId, string SortKey, bool Listing);

    /// <summary>The partition of the key rows of <paramref name="authorityId"/>'s dossiers (null: the first authority).</summary>
    public static string PartitionOf(string? authorityId) =>
        authorityId is null ? Partition : TableKeys.Escape(authorityId) + "|" + Partition;

    /// <summary>Partition and row alike: a point read then finds one candidate by either key.</summary>
    public static string SummaryKey(string dossierId) => TableKeys.Escape(dossierId);

    public static string Stage(string stage) => "stage|" + TableKeys.Escape(stage);

    public static string Year(int year) => "year|" + year.ToString(CultureInfo.InvariantCulture);

    public static string Line(string code) => "line|" + TableKeys.Escape(code);

    public static string Programme(string programmeId) => "programme|" + TableKeys.Escape(programmeId);

    /// <summary>The word rows of <paramref name="word"/> in <paramref name="words"/> (<see cref="TextWords"/> or <see cref="BeneficiaryWords"/>).</summary>
    public static string Word(string words, string word) => words + "|" + word;

    /// <summary>Newest first: ticks counted down from the end of time, then the dossier (ties and uniqueness).</summary>
    public static string SortKey(DateTimeOffset createdAt, string dossierId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + TableKeys.Escape(dossierId);

    /// <summary>Every key row the summary puts in the index.</summary>
    public static IReadOnlyList<KeyRow> KeyRows(DossierSummary summary, string sortKey)
    {
        var listings = new List<string> { All, Stage(summary.Stage), Year(summary.Year), Line(summary.BudgetLineCode) };
        if (summary.ProgrammeId is { } programme)
        {
            listings.Add(Programme(programme));
        }

        if (summary.ReportOverdueOn is not null)
        {
            listings.Add(Overdue);
        }

        var words = DossierSearch.Prefixes(DossierSearch.TextWords(summary)).Select(word => Word(TextWords, word))
            .Concat(DossierSearch.Prefixes(DossierSearch.BeneficiaryWords(summary)).Select(word => Word(BeneficiaryWords, word)));
        return listings.Select(listing => Row(listing, true)).Concat(words.Select(word => Row(word, false))).ToList();

        KeyRow Row(string listing, bool isListing) => new(PartitionOf(summary.AuthorityId), $"{listing}|{sortKey}", summary.DossierId, sortKey, isListing);
    }

    /// <summary>The row key of the dossier's <c>all</c> row, the guard of its listing rows.</summary>
    public static string AllRow(string sortKey) => $"{All}|{sortKey}";

    /// <summary>A word row points at the dossier; a listing row carries its summary at <paramref name="version"/>.</summary>
    public static TableEntity ToEntity(KeyRow row, DossierSummary summary, long version)
    {
        var entity = new TableEntity(row.Partition, row.Row) { ["DossierId"] = row.DossierId };
        if (row.Listing)
        {
            entity["Version"] = version;
            entity["SortKey"] = row.SortKey;
            DossierRows.WriteSummary(entity, summary);
        }

        return entity;
    }

    /// <summary>The summary a listing row carries; null for a word row or a listing row of layout 2 (a pointer only).</summary>
    public static DossierSummary? Listed(TableEntity entity) =>
        entity.GetInt64("Version") is null ? null : DossierRows.ToSummary(entity);

    /// <summary>A partition of the current layout: an authority's key rows.</summary>
    public static bool IsIndexPartition(string partition) =>
        partition == Partition || partition.EndsWith("|" + Partition, StringComparison.Ordinal);

    /// <summary>A word row (<c>text|…</c>, <c>beneficiary|…</c>), by its row key.</summary>
    public static bool IsWordRow(string row) =>
        row.StartsWith(TextWords + "|", StringComparison.Ordinal) || row.StartsWith(BeneficiaryWords + "|", StringComparison.Ordinal);

    public static TableEntity Summary(DossierSummary summary, string snapshotJson, long version, string sortKey)
    {
        var entity = new TableEntity(SummaryKey(summary.DossierId), SummaryKey(summary.DossierId))
        {
            ["Version"] = version,
            ["SortKey"] = sortKey,
        };
        DossierRows.WriteSummary(entity, summary);
        JsonChunks.Write(entity, "Json", snapshotJson);
        return entity;
    }

    /// <summary>The key rows of one listing (or of one word, or start of one), in sort key order.</summary>
    public static string Range(string? authorityId, string listing) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(authorityId)} and RowKey gt {listing + "|"} and RowKey lt {listing + "}"}");
}
