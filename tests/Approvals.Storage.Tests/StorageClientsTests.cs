using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

/// <summary>
/// In Azure the app has no account key: service URIs select the one credential registered with the clients
/// (<c>AddAzureClients</c>) instead of the connection string.
/// </summary>
public class StorageClientsTests
{
    [Fact]
    public void Service_uris_take_precedence_over_the_connection_string()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:BlobServiceUri"] = "https://stapprovals.blob.core.windows.net",
            ["Storage:TableServiceUri"] = "https://stapprovals.table.core.windows.net",
        });

        var tables = services.GetRequiredService<TableServiceClient>();
        var blobs = services.GetRequiredService<BlobServiceClient>();

        Assert.Equal("stapprovals", tables.AccountName);
        Assert.Equal(new Uri("https://stapprovals.blob.core.windows.net"), blobs.Uri);
        Assert.False(blobs.CanGenerateAccountSasUri);
        Assert.Same(blobs, services.GetRequiredService<BlobServiceClient>());
    }

    [Fact]
    public void Without_service_uris_the_connection_string_and_its_key_are_used()
    {
        using var services = Services(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var blobs = services.GetRequiredService<BlobServiceClient>();

        Assert.Equal("devstoreaccount1", blobs.AccountName);
        Assert.True(blobs.CanGenerateAccountSasUri);
        Assert.Equal("devstoreaccount1", services.GetRequiredService<TableServiceClient>().AccountName);
    }

    [Fact]
    public void Outside_the_container_service_uris_are_refused_for_want_of_the_credential()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => StorageClients.CreateBlobs(new StorageOptions { BlobServiceUri = "https://stapprovals.blob.core.windows.net" }));

        Assert.Contains("Storage:BlobServiceUri", failure.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddApprovalsStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
