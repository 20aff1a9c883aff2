using Approvals.Application;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// The authorities in one partition (row: the authority's id, column <c>Json</c>): a deployment has a handful, read
/// whole in one request.
/// </summary>
public sealed class TableAuthorityStore(TableServiceClient tables, IOptions<StorageOptions> options) : IAuthorityStore
{
    private const string Partition = "authority";

    private readonly TableClient table = tables.GetTableClient(options.Value.AuthoritiesTable);

    public Task<IReadOnlyList<GrantingAuthority>> ListAsync(CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List authorities", async () =>
        {
            var found = new List<GrantingAuthority>();
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
            {
                found.Add(DomainJson.Deserialize<GrantingAuthority>(JsonChunks.Read(entity, "Json")));
            }

            return (IReadOnlyList<GrantingAuthority>)found;
        }, cancellationToken);

    public Task SaveAsync(GrantingAuthority authority, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Save authority", async () =>
        {
            var entity = new TableEntity(Partition, TableKeys.Escape(authority.Id)) { ["Name"] = authority.Name };
            JsonChunks.Write(entity, "Json", DomainJson.Serialize(authority));
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }, cancellationToken);
}
