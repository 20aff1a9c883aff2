using Approvals.Application;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>Programmes in their own table: one partition, row = escaped id, the programme as JSON.</summary>
public sealed class TableProgrammeStore(TableServiceClient tables, IOptions<StorageOptions> options) : IProgrammeStore
{
    private const string Partition = "programme";

    private readonly TableClient programmes = tables.GetTableClient(options.Value.ProgrammesTable);

    public Task<Programme?> FindAsync(string id, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find programme", async () =>
        {
            var found = await programmes.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(id), cancellationToken: cancellationToken);
            return found.HasValue ? ToProgramme(found.Value!) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("List programmes", async () =>
        {
            var found = new List<Programme>();
            await foreach (var entity in programmes.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                found.Add(ToProgramme(entity));
            }

            return (IReadOnlyList<Programme>)found.OrderBy(p => p.FirstYear).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task<bool> AddAsync(Programme programme, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Add programme", async () =>
        {
            var entity = new TableEntity(Partition, TableKeys.Escape(programme.Id)) { ["Id"] = programme.Id };
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

    private static Programme ToProgramme(TableEntity entity) => DomainJson.Deserialize<Programme>(JsonChunks.Read(entity, "Json"));
}
