using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// The portal's table. Partitions: <c>link</c> (row = SHA-256 of the token), <c>count-{window}</c> (row = counter
/// key), <c>draft</c> and <c>address-{key}</c> (row = dossier id) keyed by a hash of the address, <c>submission</c>
/// (row = dossier id) to find one, and each authority's inbox: <c>inbox</c> for the first, <c>inbox|{id}</c> for
/// another, the newest first (row = the submission instant's ticks counted down, then the dossier id), so that an
/// inbox reads its own rows only, one page for its newest 200. Single use of a link rests on the ETag.
/// </summary>
public sealed class TablePortalStore(TableServiceClient tables, IOptions<StorageOptions> options) : IPortalStore
{
    private const string Links = "link";
    private const string Drafts = "draft";
    private const string Submissions = "submission";
    private const string Inbox = "inbox";

    private readonly TableClient table = tables.GetTableClient(options.Value.PortalTable);

    public Task SaveLinkAsync(PortalLink link, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Save portal link", () => table.AddEntityAsync(new TableEntity(Links, link.TokenHash)
        {
            ["Address"] = link.Address,
            ["Origin"] = link.Origin,
            ["ExpiresAt"] = link.ExpiresAt,
        }, cancellationToken), cancellationToken);

    public Task<(PortalLink Link, bool UsedNow)?> UseLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Use portal link", async () =>
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Links, TableKeys.Escape(tokenHash), cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return ((PortalLink, bool)?)null;
            }

            var entity = found.Value!;
            var link = new PortalLink(tokenHash, entity.GetString("Address"), entity.GetString("Origin"), entity.GetDateTimeOffset("ExpiresAt")!.Value,
                entity.GetDateTimeOffset("UsedAt"));
            if (link.UsedAt is not null)
            {
                return (link, false);
            }

            entity["UsedAt"] = now;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return (link with { UsedAt = now }, true);
            }
            catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception))
            {
                // Another request used it between our read and our write: it won, this one did not.
                return (link, false);
            }
        }, cancellationToken);

    public Task<int> CountAsync(string key, string window, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Count portal request", async () =>
        {
            var partition = $"count-{window}";
            var row = TableKeys.Escape(key);
            for (var attempt = 0; ; attempt++)
            {
                var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
                try
                {
                    if (!found.HasValue)
                    {
                        await table.AddEntityAsync(new TableEntity(partition, row) { ["Count"] = 1 }, cancellationToken);
                        return 1;
                    }

                    var entity = found.Value!;
                    var count = (entity.GetInt32("Count") ?? 0) + 1;
                    entity["Count"] = count;
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                    return count;
                }
                catch (RequestFailedException exception) when (StorageErrors.IsConflict(exception) && attempt < 10)
                {
                    // A concurrent request counted first: count again on its value.
                }
            }
        }, cancellationToken);

    public Task<string?> ReadDraftAsync(string address, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read portal draft", async () =>
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Drafts, MagicLinks.AddressKey(address), cancellationToken: cancellationToken);
            return found.HasValue ? JsonChunks.Read(found.Value!, "Json") : null;
        }, cancellationToken);

    public Task SaveDraftAsync(string address, string json, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Save portal draft", () =>
        {
            var entity = new TableEntity(Drafts, MagicLinks.AddressKey(address));
            JsonChunks.Write(entity, "Json", json);
            return table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }, cancellationToken);

    public Task DeleteDraftAsync(string address, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Delete portal draft", () => table.DeleteEntityAsync(Drafts, MagicLinks.AddressKey(address), ETag.All, cancellationToken), cancellationToken);

    public Task RecordSubmissionAsync(PortalSubmission submission, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Record portal submission", async () =>
        {
            var row = TableKeys.Escape(submission.DossierId);
            await table.UpsertEntityAsync(ToEntity(new TableEntity($"address-{MagicLinks.AddressKey(submission.Address)}", row), submission), TableUpdateMode.Merge, cancellationToken);
            await table.UpsertEntityAsync(ToEntity(new TableEntity(Submissions, row), submission), TableUpdateMode.Merge, cancellationToken);
            await table.UpsertEntityAsync(ToEntity(InboxEntity(submission), submission), TableUpdateMode.Merge, cancellationToken);
        }, cancellationToken);

    public Task<PortalSubmission?> FindSubmissionAsync(string dossierId, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find portal submission", async () =>
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Submissions, TableKeys.Escape(dossierId), cancellationToken: cancellationToken);
            return found.HasValue ? ToSubmission(found.Value!) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<PortalSubmission>> SubmissionsOfAsync(string address, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List portal submissions", async () =>
        {
            var partition = $"address-{MagicLinks.AddressKey(address)}";
            var found = new List<PortalSubmission>();
            await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                found.Add(ToSubmission(entity));
            }

            return (IReadOnlyList<PortalSubmission>)found.OrderByDescending(s => s.SubmittedAt).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<PortalSubmission>> InboxAsync(string? authorityId, int take, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read portal inbox", async () =>
        {
            var partition = InboxPartition(authorityId);
            await foreach (var page in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: take, cancellationToken: cancellationToken).AsPages())
            {
                return (IReadOnlyList<PortalSubmission>)page.Values.Select(ToSubmission).ToList();
            }

            return [];
        }, cancellationToken);

    public Task SaveCheckAsync(string dossierId, PortalCheck check, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Save portal check", async () =>
        {
            var row = TableKeys.Escape(dossierId);
            await table.UpsertEntityAsync(CheckEntity(Submissions, row, check), TableUpdateMode.Merge, cancellationToken);
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Submissions, row, cancellationToken: cancellationToken);
            if (found.HasValue && found.Value!.GetString("Address") is not null)
            {
                var inbox = InboxEntity(ToSubmission(found.Value!));
                await table.UpsertEntityAsync(CheckEntity(inbox.PartitionKey, inbox.RowKey, check), TableUpdateMode.Merge, cancellationToken);
            }
        }, cancellationToken);

    /// <summary>The inbox partition of <paramref name="authorityId"/> (null: the first authority's).</summary>
    internal static string InboxPartition(string? authorityId) => string.IsNullOrEmpty(authorityId) ? Inbox : $"{Inbox}|{authorityId}";

    /// <summary>The submission's row in its authority's inbox, with its columns: the newest sorts first.</summary>
    internal static TableEntity InboxEntity(PortalSubmission submission) => ToEntity(new TableEntity(
        InboxPartition(submission.AuthorityId),
        $"{DateTimeOffset.MaxValue.UtcTicks - submission.SubmittedAt.UtcTicks:D19}|{TableKeys.Escape(submission.DossierId)}"), submission);

    /// <summary>The submissions as recorded before inboxes existed: all in one partition, keyed by dossier id.</summary>
    internal static string SubmissionsPartition => Submissions;

    internal static PortalSubmission ToSubmission(TableEntity entity) => new(
        entity.GetString("DossierId"),
        entity.GetString("Number"),
        entity.GetString("Address"),
        entity.GetDateTimeOffset("SubmittedAt")!.Value,
        entity.GetString("CheckOutcome") is { } outcome && Enum.TryParse<PortalCheckOutcome>(outcome, out var parsed)
            ? new PortalCheck(parsed, entity.GetString("CheckNote") ?? "", entity.GetString("CheckBy") ?? "", entity.GetDateTimeOffset("CheckAt")!.Value)
            : null,
        entity.GetString("AuthorityId"));

    private static TableEntity ToEntity(TableEntity entity, PortalSubmission submission)
    {
        entity["DossierId"] = submission.DossierId;
        entity["Number"] = submission.Number;
        entity["Address"] = submission.Address;
        entity["SubmittedAt"] = submission.SubmittedAt;
        if (submission.AuthorityId is not null)
        {
            entity["AuthorityId"] = submission.AuthorityId;
        }

        return entity;
    }

    private static TableEntity CheckEntity(string partition, string row, PortalCheck check) => new(partition, row)
    {
        ["CheckOutcome"] = check.Outcome.ToString(),
        ["CheckNote"] = check.Note,
        ["CheckBy"] = check.By,
        ["CheckAt"] = check.At,
    };
}
