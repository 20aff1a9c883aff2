using Approvals.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

/// <summary>One Azurite for the whole assembly; each test gets its own tables and container, so tests never see each other's rows.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public AzuriteInstance Azurite => azurite.Azurite;

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    /// <summary>The storage services as a host registers them, over fresh tables and a fresh container, created.</summary>
    public Task<ServiceProvider> CreateServicesAsync(long? maxUploadBytes = null) =>
        CreateServicesAsync(Azurite.ConnectionString, maxUploadBytes);

    public static async Task<ServiceProvider> CreateServicesAsync(string connectionString, long? maxUploadBytes = null, TimeSpan? requestTimeout = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:DossiersTable"] = $"Dossiers{unique}",
            ["Storage:DeadlinesTable"] = $"Deadlines{unique}",
            ["Storage:DossierIndexTable"] = $"DossierIndex{unique}",
            ["Storage:DossierSummariesTable"] = $"DossierSummaries{unique}",
            ["Storage:CountersTable"] = $"Counters{unique}",
            ["Storage:BudgetLinesTable"] = $"BudgetLines{unique}",
            ["Storage:BudgetLedgerTable"] = $"BudgetLedger{unique}",
            ["Storage:AuthoritiesTable"] = $"Authorities{unique}",
            ["Storage:PortalTable"] = $"Portal{unique}",
            ["Storage:DocumentsContainer"] = $"dossiers-{unique}",
        };
        if (maxUploadBytes is { } max)
        {
            settings["Storage:MaxUploadBytes"] = $"{max}";
        }

        if (requestTimeout is { } timeout)
        {
            settings["Storage:RequestTimeout"] = $"{timeout}";
            settings["Storage:MaxRetries"] = "1";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddApprovalsStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);
        return services;
    }
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<StorageFixture>
{
    public const string Name = "Azurite";
}
