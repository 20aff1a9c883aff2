using System.Globalization;
using Approvals.Application;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// One partition holds every assignment (row <c>person|{person}</c>) and the audit register (rows
/// <c>audit|{inverted ticks}|{id}</c>, newest first), so a change and its audit row are one entity-group transaction:
/// there is never a change without its audit row. Audit rows are only ever added, never updated or deleted. A role in
/// an authority other than the first is the row <c>person|{person}|{authority}</c>: the rows written before authorities
/// were data, <c>person|{person}</c>, are the first authority's roles as they stand.
/// </summary>
public sealed class TableRoleAssignments(TableServiceClient tables, IOptions<StorageOptions> options) : IRoleAssignments
{
    private const string Partition = "people";
    private const string PersonPrefix = "person|";
    private const string AuditPrefix = "audit|";
    private const int Attempts = 3;

    private readonly TableClient table = tables.GetTableClient(options.Value.RoleAssignmentsTable);

    public Task<RoleAssignment?> FindAsync(string person, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find role assignment", async () =>
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, PersonKey(person), cancellationToken: cancellationToken);
            return found.HasValue ? ToAssignment(found.Value!) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<RoleAssignment>> FindAllAsync(string person, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find role assignments", async () =>
        {
            var found = new List<RoleAssignment>();
            var start = PersonKey(person);
            // The range also holds longer names ("ab" → "abc"): the Person column tells them apart.
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {start} and RowKey lt {start + "}"}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (entity.GetString("Person") == person)
                {
                    found.Add(ToAssignment(entity));
                }
            }

            return (IReadOnlyList<RoleAssignment>)found;
        }, cancellationToken);

    public Task<IReadOnlyList<RoleAssignment>> ListAsync(CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List role assignments", async () =>
        {
            var found = new List<RoleAssignment>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {PersonPrefix} and RowKey lt {"person}"}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(ToAssignment(entity));
            }

            return (IReadOnlyList<RoleAssignment>)found.OrderBy(a => a.Person, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task<RoleAuditEntry?> ChangeAsync(string person, Role? role, string changedBy, DateTimeOffset now, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Change role assignment", async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, PersonKey(person, authorityId), cancellationToken: cancellationToken);
                var before = current.HasValue ? ToAssignment(current.Value!).Role : (Role?)null;
                if (before == role)
                {
                    return null;
                }

                var entry = new RoleAuditEntry(person, before, role, changedBy, now) { AuthorityId = authorityId };
                List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, ToAuditRow(entry))];
                if (role is { } assigned)
                {
                    var row = new TableEntity(Partition, PersonKey(person, authorityId))
                    {
                        ["Person"] = person,
                        ["AuthorityId"] = authorityId,
                        ["Role"] = assigned.ToString(),
                        ["AssignedBy"] = changedBy,
                        ["AssignedAt"] = now,
                    };
                    actions.Add(current.HasValue
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.Value!.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Add, row));
                }
                else
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, current.Value!, current.Value!.ETag));
                }

                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                    return entry;
                }
                catch (TableTransactionFailedException exception) when (StorageErrors.IsConflict(exception) && attempt < Attempts)
                {
                    // Another administrator changed the same person in between: read again and decide again.
                }
            }
        }, cancellationToken);

    public Task<IReadOnlyList<RoleAuditEntry>> AuditAsync(int max, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read role audit register", async () =>
        {
            var found = new List<RoleAuditEntry>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {AuditPrefix} and RowKey lt {"audit}"}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
            {
                found.Add(new RoleAuditEntry(
                    entity.GetString("Person"), ParseRole(entity.GetString("Before")), ParseRole(entity.GetString("After")),
                    entity.GetString("ChangedBy"), entity.GetDateTimeOffset("ChangedAt")!.Value)
                { AuthorityId = entity.GetString("AuthorityId") });
                if (found.Count == max)
                {
                    break;
                }
            }

            return (IReadOnlyList<RoleAuditEntry>)found;
        }, cancellationToken);

    private static string PersonKey(string person, string? authorityId = null) =>
        PersonPrefix + TableKeys.Escape(person) + (authorityId is null ? "" : "|" + TableKeys.Escape(authorityId));

    /// <summary>Inverted ticks: Table Storage returns rows in key order, so the newest change comes first.</summary>
    private static TableEntity ToAuditRow(RoleAuditEntry entry) =>
        new(Partition, $"{AuditPrefix}{(DateTimeOffset.MaxValue.UtcTicks - entry.ChangedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{Guid.NewGuid():N}")
        {
            ["Person"] = entry.Person,
            ["Before"] = entry.Before?.ToString(),
            ["After"] = entry.After?.ToString(),
            ["ChangedBy"] = entry.ChangedBy,
            ["ChangedAt"] = entry.ChangedAt,
            ["AuthorityId"] = entry.AuthorityId,
        };

    private static RoleAssignment ToAssignment(TableEntity entity) =>
        new(entity.GetString("Person"), Enum.Parse<Role>(entity.GetString("Role")), entity.GetString("AssignedBy"), entity.GetDateTimeOffset("AssignedAt")!.Value)
        {
            AuthorityId = entity.GetString("AuthorityId"),
        };

    private static Role? ParseRole(string? value) => value is null ? null : Enum.Parse<Role>(value);
}
