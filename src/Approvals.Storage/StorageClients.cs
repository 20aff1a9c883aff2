using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>The Azure clients, once per process: they are thread-safe and keep their connections.</summary>
public static class StorageClients
{
    /// <summary>
    /// Registers both clients with <c>Microsoft.Extensions.Azure</c>, over the connection string (Azurite) or, with
    /// service URIs, over one credential for both (the managed identity in Azure): one token cache, asked for a token
    /// only when a client with service URIs sends a request.
    /// </summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services)
    {
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(new DefaultAzureCredential());
            clients.AddClient<TableServiceClient, TableClientOptions>((clientOptions, credential, provider) => Tables(Settings(provider), clientOptions, credential))
                .ConfigureOptions((clientOptions, provider) => ConfigureRetry(clientOptions, Settings(provider)));
            // The service version is pinned to one Azurite 3.37 accepts, so the emulator works even without --skipApiVersionCheck.
            clients.AddClient<BlobServiceClient, BlobClientOptions>((clientOptions, credential, provider) => Blobs(Settings(provider), clientOptions, credential))
                .WithVersion(BlobClientOptions.ServiceVersion.V2026_06_06)
                .ConfigureOptions((clientOptions, provider) => ConfigureRetry(clientOptions, Settings(provider)));
        });
        return services;
    }

    /// <summary>
    /// A table client over the connection string, outside the service container (the benchmark, a test that counts
    /// requests), with the same retries and a last say on the client options (e.g. a policy that counts round trips).
    /// </summary>
    public static TableServiceClient CreateTables(StorageOptions options, Action<ClientOptions>? configure = null)
    {
        var clientOptions = new TableClientOptions();
        ConfigureRetry(clientOptions, options);
        configure?.Invoke(clientOptions);
        return Tables(options, clientOptions, credential: null);
    }

    /// <summary>A blob client over the connection string, outside the service container; see <see cref="CreateTables"/>.</summary>
    public static BlobServiceClient CreateBlobs(StorageOptions options, Action<ClientOptions>? configure = null)
    {
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        ConfigureRetry(clientOptions, options);
        configure?.Invoke(clientOptions);
        return Blobs(options, clientOptions, credential: null);
    }

    private static StorageOptions Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static TableServiceClient Tables(StorageOptions options, TableClientOptions clientOptions, TokenCredential? credential) =>
        options.TableServiceUri is { Length: > 0 } uri
            ? new TableServiceClient(new Uri(uri), credential ?? throw WithoutCredential("TableServiceUri"), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);

    private static BlobServiceClient Blobs(StorageOptions options, BlobClientOptions clientOptions, TokenCredential? credential) =>
        options.BlobServiceUri is { Length: > 0 } uri
            ? new BlobServiceClient(new Uri(uri), credential ?? throw WithoutCredential("BlobServiceUri"), clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);

    private static InvalidOperationException WithoutCredential(string setting) =>
        new($"Storage:{setting} is set: the client needs the app's credential, registered by AddApprovalsStorage; use the container's client.");

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
