namespace Approvals.Storage.Tests;

/// <summary>In Azure the app has no account key: service URIs select its managed identity instead of the connection string.</summary>
public class StorageClientsTests
{
    [Fact]
    public void Service_uris_take_precedence_over_the_connection_string()
    {
        var options = new StorageOptions
        {
            BlobServiceUri = "https://stapprovals.blob.core.windows.net",
            TableServiceUri = "https://stapprovals.table.core.windows.net",
        };

        var tables = StorageClients.CreateTables(options);
        var blobs = StorageClients.CreateBlobs(options);

        Assert.Equal("stapprovals", tables.AccountName);
        Assert.Equal(new Uri("https://stapprovals.blob.core.windows.net"), blobs.Uri);
        Assert.False(blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Without_service_uris_the_connection_string_and_its_key_are_used()
    {
        var blobs = StorageClients.CreateBlobs(new StorageOptions());

        Assert.Equal("devstoreaccount1", blobs.AccountName);
        Assert.True(blobs.CanGenerateAccountSasUri);
    }
}
