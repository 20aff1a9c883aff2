using System.Net;
using Approvals.Application;
using Approvals.Server;
using Approvals.Storage;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Approvals.Bench;

/// <summary>
/// The real server (its Program, its DI, Kestrel on a loopback port) in the bench's process, over the bench's Azurite,
/// with a settable clock, a round-trip counter on the storage clients and a recording dossier store. The background
/// workers are left out: each scenario drives the outbox and the clock itself, so that nothing else competes.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private static readonly Type[] Workers = [typeof(OutboxWorker), typeof(DigestWorker)];

    private readonly Factory factory;

    private BenchServer(Factory factory, Uri baseAddress, SettableTime time, RoundTripCounter counter)
    {
        this.factory = factory;
        BaseAddress = baseAddress;
        Time = time;
        RoundTrips = counter;
    }

    public Uri BaseAddress { get; }

    public SettableTime Time { get; }

    public RoundTripCounter RoundTrips { get; }

    public RecordingDossierStore Store => (RecordingDossierStore)Service<IDossierStore>();

    /// <param name="overrides">Settings over the bench's (e.g. the clock engine switched on, tables of its own).</param>
    /// <param name="leftOut">The hosted services left out; by default the outbox and digest workers.</param>
    public static async Task<BenchServer> StartAsync(
        string repositoryRoot, string connectionString, string mailFolder, long maxUploadBytes, IReadOnlyDictionary<string, string?>? overrides = null, Type[]? leftOut = null)
    {
        var time = new SettableTime(SettableTime.Paris(2022, 5, 3));
        var counter = new RoundTripCounter();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:MaxUploadBytes"] = $"{maxUploadBytes}",
            ["Api:MaxUploadBytes"] = $"{maxUploadBytes}",
            ["Mail:PickupFolder"] = mailFolder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Clock:Enabled"] = "false",
            // On two shared cores a saturated emulator can hold a request past the production 10 s: the bench waits.
            ["Storage:RequestTimeout"] = "00:01:00",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = new Factory(Path.Combine(repositoryRoot, "src", "Approvals.Server"), settings, time, counter, leftOut ?? Workers);
        factory.UseKestrel(0);
        factory.StartServer();
        await factory.Services.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(factory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), time, counter);
    }

    public T Service<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>A client signed in through the development sign-in, as the pages do.</summary>
    public async Task<HttpClient> SignInAsync(Role role)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        client.DefaultRequestHeaders.Add(Approvals.Api.RequestOrigin.Header, "1");
        var response = await client.PostAsync("/dev/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = $"Bench {role}", ["role"] = role.ToString() }));
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private sealed class Factory(string contentRoot, IReadOnlyDictionary<string, string?> settings, SettableTime time, RoundTripCounter counter, Type[] leftOut)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseContentRoot(contentRoot);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(time);
                var workers = services.Where(s => s.ServiceType == typeof(IHostedService) && leftOut.Contains(s.ImplementationType)).ToList();
                workers.ForEach(worker => services.Remove(worker));

                void Count(ClientOptions options) => options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
                services.RemoveAll<TableServiceClient>();
                services.RemoveAll<BlobServiceClient>();
                services.AddSingleton(provider => StorageClients.CreateTables(provider.GetRequiredService<IOptions<StorageOptions>>().Value, Count));
                services.AddSingleton(provider => StorageClients.CreateBlobs(provider.GetRequiredService<IOptions<StorageOptions>>().Value, Count));
                services.RemoveAll<IDossierStore>();
                services.AddSingleton<IDossierStore>(provider => new RecordingDossierStore(
                    new TableDossierStore(provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<IOptions<StorageOptions>>(), provider.GetRequiredService<TimeProvider>())));
            });
        }
    }
}
