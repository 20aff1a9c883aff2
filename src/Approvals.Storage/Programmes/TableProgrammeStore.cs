using Approvals.Application;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// Programmes in their own table: one partition per authority (the first one's, <c>programme</c>, as before authorities
/// were data; another's prefixed with its id), row = escaped id, the programme as JSON.
/// </summary>
public sealed class TableProgrammeStore(TableServiceClient tables, IOptions<StorageOptions> options) : IProgrammeStore
{
    private const string Partition = "programme";

    private readonly TableClient programmes = tables.GetTableClient(options.Value.ProgrammesTable);

    public Task<Programme?> FindAsync(string id, CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("Find programme", async () =>
        {
            var found = await programmes.GetEntityIfExistsAsync<TableEntity>(PartitionOf(authorityId), TableKeys.Escape(id), cancellationToken: cancellationToken);
            return found.HasValue ? ToProgramme(found.Value!, authorityId) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken, string? authorityId = null) =>
        StorageErrors.GuardAsync("List programmes", async () =>
        {
            var found = new List<Programme>();
            var partition = PartitionOf(authorityId);
            await foreach (var entity in programmes.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                found.Add(ToProgramme(entity, authorityId));
            }

            return (IReadOnlyList<Programme>)found.OrderBy(p => p.FirstYear).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task<bool> AddAsync(Programme programme, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Add programme", async () =>
        {
            var entity = new TableEntity(PartitionOf(programme.AuthorityId), TableKeys.Escape(programme.Id)) { ["Id"] = programme.Id };
            JsonChunks.Write(entity, "Json", DomainJson.Serialize(programme));
            try
            {
                await programmes.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (Azure.RequestFailedException exception) when (StorageErrors.IsConflict(exception))
            {
                return false;
            }
        }, cancellationToken);

    private static string PartitionOf(string? authorityId) => authorityId is null ? Partition : TableKeys.Escape(authorityId) + "|" + Partition;

    private static Programme ToProgramme(TableEntity entity, string? authorityId) =>
        DomainJson.Deserialize<Programme>(JsonChunks.Read(entity, "Json")) with { AuthorityId = authorityId };
}
