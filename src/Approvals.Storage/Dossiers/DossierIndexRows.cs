using System.Globalization;
using Approvals.Application;
using Azure.Data.Tables;

namespace Approvals.Storage;

/// <summary>
/// The rows of the dossier index. Per dossier: one summary row in the summaries table (partition and row: the dossier;
/// its summary and snapshot, guarded by the dossier's version; in dossier number order for the exports), and key rows
/// in the index table's listings the pages read — <c>list|all</c>, <c>list|stage|…</c>,
/// <c>list|year|…</c>, <c>list|line|…</c>, <c>list|programme|…</c>, <c>list|overdue</c> — plus one row per word in
/// <c>words|text</c> and <c>words|beneficiary</c>. Key rows are ordered by the dossier's sort key: newest first, fixed
/// when the dossier is first indexed, so a key row moves only when the dossier leaves a listing (a new stage).
/// Every listing and word partition of an authority other than the first is prefixed with its id (<see cref="In"/>),
/// so one authority's list and search queries never read another's rows; the first authority keeps the unprefixed
/// partitions written before authorities existed, which is why its dossiers needed no migration.
/// </summary>
internal static class DossierIndexRows
{
    public const string All = "list|all";
    public const string Overdue = "list|overdue";
    public const string TextWords = "words|text";
    public const string BeneficiaryWords = "words|beneficiary";

    /// <summary>A key row: where it is and the filter columns that never change for a dossier's listing.</summary>
    public sealed record KeyRow(string Partition, string Row, string DossierId, string SortKey);

    /// <summary>The partition of a listing for the dossiers of <paramref name="authorityId"/> (null: the first authority).</summary>
    public static string In(string? authorityId, string partition) =>
        authorityId is null ? partition : TableKeys.Escape(authorityId) + "|" + partition;

    /// <summary>Partition and row alike: a point read then finds one candidate by either key.</summary>
    public static string SummaryKey(string dossierId) => TableKeys.Escape(dossierId);

    public static string Stage(string stage) => "list|stage|" + TableKeys.Escape(stage);

    public static string Year(int year) => "list|year|" + year.ToString(CultureInfo.InvariantCulture);

    public static string Line(string code) => "list|line|" + TableKeys.Escape(code);

    public static string Programme(string programmeId) => "list|programme|" + TableKeys.Escape(programmeId);

    /// <summary>Newest first: ticks counted down from the end of time, then the dossier (ties and uniqueness).</summary>
    public static string SortKey(DateTimeOffset createdAt, string dossierId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + TableKeys.Escape(dossierId);

    /// <summary>Every key row the summary puts in the index.</summary>
    public static IReadOnlyList<KeyRow> KeyRows(DossierSummary summary, string sortKey)
    {
        var id = summary.DossierId;
        var scope = summary.AuthorityId;
        var rows = new List<KeyRow>
        {
            new(In(scope, All), sortKey, id, sortKey),
            new(In(scope, Stage(summary.Stage)), sortKey, id, sortKey),
            new(In(scope, Year(summary.Year)), sortKey, id, sortKey),
            new(In(scope, Line(summary.BudgetLineCode)), sortKey, id, sortKey),
        };
        if (summary.ProgrammeId is { } programme)
        {
            rows.Add(new(In(scope, Programme(programme)), sortKey, id, sortKey));
        }

        if (summary.ReportOverdueOn is not null)
        {
            rows.Add(new(In(scope, Overdue), sortKey, id, sortKey));
        }

        rows.AddRange(DossierSearch.Prefixes(DossierSearch.TextWords(summary)).Select(word => new KeyRow(In(scope, TextWords), $"{word}|{sortKey}", id, sortKey)));
        rows.AddRange(DossierSearch.Prefixes(DossierSearch.BeneficiaryWords(summary)).Select(word => new KeyRow(In(scope, BeneficiaryWords), $"{word}|{sortKey}", id, sortKey)));
        return rows;
    }

    public static TableEntity ToEntity(KeyRow row) =>
        new(row.Partition, row.Row) { ["DossierId"] = row.DossierId };

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

    /// <summary>The word rows of exactly <paramref name="word"/> (a word or a start of one), in sort key order.</summary>
    public static string WordRange(string partition, string word) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {word + "|"} and RowKey lt {word + "}"}");
}
