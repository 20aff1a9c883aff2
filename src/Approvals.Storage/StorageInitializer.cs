using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>Creates the tables and the documents container when they are absent, once when the host starts.</summary>
public sealed class StorageInitializer(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options) : IHostedService
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Create tables and container", async () =>
        {
            var settings = options.Value;
            foreach (var table in new[] { settings.DossiersTable, settings.DossierIndexTable, settings.DossierSummariesTable, settings.DeadlinesTable, settings.CountersTable, settings.BudgetLinesTable, settings.BudgetLedgerTable, settings.ProgrammesTable, settings.RoleAssignmentsTable, settings.PortalTable, settings.AuthoritiesTable })
            {
                await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
            }

            await blobs.GetBlobContainerClient(settings.DocumentsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
