using System.Globalization;
using Approvals.Application;
using Azure.Data.Tables;

namespace Approvals.Storage;

/// <summary>The rows of a dossier's partition: <c>state</c>, <c>event-000001</c>…, <c>outbox-{id}</c>.</summary>
internal static class DossierRows
{
    public const string StateKey = "state";
    public const string EventPrefix = "event-";
    public const string OutboxPrefix = "outbox-";

    /// <summary>
    /// The pending-outbox index: one row per dossier with outbox items (row key = the dossier's partition key), in a
    /// partition of its own that the sweep reads instead of the whole table. No dossier id starts with '~'.
    /// </summary>
    public const string PendingOutboxPartition = "~outbox";

    /// <summary>
    /// The failed-outbox list: one row per item marked failed, newest first, in a partition of its own that the failed
    /// list reads instead of the whole table. This one is the first authority's (as it was before authorities were data);
    /// each other authority has its own (<see cref="FailedOutboxPartitionOf"/>).
    /// </summary>
    public const string FailedOutboxPartition = "~failed";

    /// <summary>The failed-outbox list of <paramref name="authorityId"/> (null: the first authority's): one authority's list never reads another's rows.</summary>
    public static string FailedOutboxPartitionOf(string? authorityId) =>
        authorityId is null ? FailedOutboxPartition : $"{FailedOutboxPartition}|{TableKeys.Escape(authorityId)}";

    /// <summary>The summary columns, read without the snapshot's JSON by list queries.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns =
    [
        "DossierId", "Number", "Stage", "Year", "BudgetLineCode", "BeneficiaryName", "BeneficiarySiret", "Title",
        "AmountRequested", "AmountVoted", "AmountPaid", "UpdatedAt", "AmountCommitted", "AmountRecovered", "ReportOverdueOn",
        "ProgrammeId", "AuthorityId",
    ];

    public static string PartitionKey(string dossierId) => TableKeys.Escape(dossierId);

    /// <summary>Zero-padded so that the rows sort in sequence order.</summary>
    public static string EventKey(long sequence) => $"{EventPrefix}{sequence:D6}";

    public static string OutboxKey(string itemId) => OutboxPrefix + TableKeys.Escape(itemId);

    /// <summary>A filter for the row keys starting with <paramref name="prefix"/> (its last character bumped by one is the upper bound).</summary>
    public static string PrefixFilter(string prefix)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {end}");
    }

    public static TableEntity State(DossierCommit commit)
    {
        var entity = new TableEntity(PartitionKey(commit.DossierId), StateKey)
        {
            ["DossierId"] = commit.DossierId,
            ["Version"] = commit.Version,
            ["LastHash"] = commit.LastHash,
        };
        WriteSummary(entity, commit.Summary);
        JsonChunks.Write(entity, "Json", commit.SnapshotJson);
        return entity;
    }

    /// <summary>The <see cref="SummaryColumns"/>, on the state row and on the index's summary row alike.</summary>
    public static void WriteSummary(TableEntity entity, DossierSummary summary)
    {
        entity["DossierId"] = summary.DossierId;
        entity["Number"] = summary.Number;
        entity["Stage"] = summary.Stage;
        entity["Year"] = summary.Year;
        entity["BudgetLineCode"] = summary.BudgetLineCode;
        entity["BeneficiaryName"] = summary.BeneficiaryName;
        entity["BeneficiarySiret"] = summary.BeneficiarySiret;
        entity["Title"] = summary.Title;
        // Table Storage has no decimal: amounts are kept exact as invariant strings.
        entity["AmountRequested"] = summary.AmountRequested.ToString(CultureInfo.InvariantCulture);
        entity["AmountVoted"] = summary.AmountVoted.ToString(CultureInfo.InvariantCulture);
        entity["AmountPaid"] = summary.AmountPaid.ToString(CultureInfo.InvariantCulture);
        entity["UpdatedAt"] = summary.UpdatedAt;
        entity["AmountCommitted"] = summary.AmountCommitted.ToString(CultureInfo.InvariantCulture);
        entity["AmountRecovered"] = summary.AmountRecovered.ToString(CultureInfo.InvariantCulture);
        entity["ReportOverdueOn"] = summary.ReportOverdueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        entity["ProgrammeId"] = summary.ProgrammeId;
        entity["AuthorityId"] = summary.AuthorityId;
    }

    public static StoredDossier ToStoredDossier(TableEntity entity) =>
        new(
            entity.GetString("DossierId"),
            entity.GetInt64("Version") ?? 0,
            JsonChunks.Read(entity, "Json"),
            entity.GetString("LastHash") ?? "",
            entity.ETag.ToString());

    public static DossierSummary ToSummary(TableEntity entity) =>
        new(
            entity.GetString("DossierId"),
            entity.GetString("Number") ?? "",
            entity.GetString("Stage") ?? "",
            entity.GetInt32("Year") ?? 0,
            entity.GetString("BudgetLineCode") ?? "",
            entity.GetString("BeneficiaryName") ?? "",
            entity.GetString("BeneficiarySiret") ?? "",
            entity.GetString("Title") ?? "",
            Amount(entity, "AmountRequested"),
            Amount(entity, "AmountVoted"),
            Amount(entity, "AmountPaid"),
            entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            Amount(entity, "AmountCommitted"),
            Amount(entity, "AmountRecovered"),
            entity.GetString("ReportOverdueOn") is { } overdue ? DateOnly.ParseExact(overdue, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            entity.GetString("ProgrammeId"),
            entity.GetString("AuthorityId"));

    public static TableEntity Event(RegisterEntry entry)
    {
        var entity = new TableEntity(PartitionKey(entry.DossierId), EventKey(entry.Sequence))
        {
            ["DossierId"] = entry.DossierId,
            ["Sequence"] = entry.Sequence,
            ["Type"] = entry.Type,
            ["Actor"] = entry.Actor,
            ["RecordedAt"] = entry.RecordedAt,
            ["PreviousHash"] = entry.PreviousHash,
            ["Hash"] = entry.Hash,
        };
        JsonChunks.Write(entity, "Json", entry.Json);
        return entity;
    }

    public static RegisterEntry ToRegisterEntry(TableEntity entity) =>
        new(
            entity.GetString("DossierId"),
            entity.GetInt64("Sequence") ?? 0,
            entity.GetString("Type") ?? "",
            JsonChunks.Read(entity, "Json"),
            entity.GetString("Actor") ?? "",
            entity.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue,
            entity.GetString("PreviousHash") ?? "",
            entity.GetString("Hash") ?? "");

    public static TableEntity Outbox(string dossierId, OutboxItem item)
    {
        var entity = new TableEntity(PartitionKey(dossierId), OutboxKey(item.Id))
        {
            ["DossierId"] = dossierId,
            ["Id"] = item.Id,
            ["Kind"] = item.Kind,
            ["Failed"] = false,
        };
        JsonChunks.Write(entity, "Json", item.Json);
        return entity;
    }

    public static TableEntity PendingOutbox(string dossierId, DateTimeOffset leasedUntil) =>
        new(PendingOutboxPartition, PartitionKey(dossierId)) { ["DossierId"] = dossierId, ["LeasedUntil"] = leasedUntil };

    /// <summary>An item's row in the failed-outbox list: newest first (ticks counted down), then the dossier and the item.</summary>
    public static TableEntity FailedOutbox(string dossierId, string itemId, DateTimeOffset failedAt, string? authorityId) =>
        new(FailedOutboxPartitionOf(authorityId), $"{DateTimeOffset.MaxValue.UtcTicks - failedAt.UtcTicks:D19}|{PartitionKey(dossierId)}|{TableKeys.Escape(itemId)}")
        {
            ["DossierId"] = dossierId,
            ["ItemId"] = itemId,
        };

    public static FailedOutboxItem ToFailedOutboxItem(TableEntity entity) =>
        new(
            entity.GetString("DossierId"),
            ToOutboxItem(entity),
            entity.GetString("FailureReason") ?? "",
            entity.GetDateTimeOffset("FailedAt") ?? DateTimeOffset.MinValue);

    public static OutboxItem ToOutboxItem(TableEntity entity) =>
        new(entity.GetString("Id") ?? "", entity.GetString("Kind") ?? "", JsonChunks.Read(entity, "Json"));

    private static decimal Amount(TableEntity entity, string column) =>
        entity.GetString(column) is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;
}
