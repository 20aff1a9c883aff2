using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Approvals.Storage;

/// <summary>Builds the Azure clients, once per process: they are thread-safe and keep their connections.</summary>
public static class StorageClients
{
    /// <summary>One credential for both clients in Azure (the managed identity): one token cache, created only when used.</summary>
    private static readonly Lazy<TokenCredential> Credential = new(() => new DefaultAzureCredential());

    /// <param name="configure">A last say on the client options (the benchmark adds a policy that counts round trips).</param>
    public static TableServiceClient CreateTables(StorageOptions options, Action<ClientOptions>? configure = null)
    {
        var clientOptions = new TableClientOptions();
        ConfigureRetry(clientOptions, options);
        configure?.Invoke(clientOptions);
        return options.TableServiceUri is { Length: > 0 } uri
            ? new TableServiceClient(new Uri(uri), Credential.Value, clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    /// <summary>The service version is pinned to one Azurite 3.37 accepts, so the emulator works even without --skipApiVersionCheck.</summary>
    public static BlobServiceClient CreateBlobs(StorageOptions options, Action<ClientOptions>? configure = null)
    {
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        ConfigureRetry(clientOptions, options);
        configure?.Invoke(clientOptions);
        return options.BlobServiceUri is { Length: > 0 } uri
            ? new BlobServiceClient(new Uri(uri), Credential.Value, clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);
    }

    /// <summary>Retries for quick failures (a refused connection, a 503), all within one <c>RequestTimeout</c> per call.</summary>
    private static void ConfigureRetry(ClientOptions client, StorageOptions options)
    {
        var retry = client.Retry;
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = options.MaxRetries;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = options.RequestTimeout;
        client.AddPolicy(new StorageDeadlinePolicy(options.RequestTimeout), HttpPipelinePosition.PerRetry);
    }
}
