using System.Net;
using Approvals.Api;
using Approvals.Application;
using Approvals.Clock;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Testing;

/// <summary>
/// The real server on a real loopback port, over its own Azurite and a SendGrid capture server, with a fake clock
/// the test moves forward. Signs in through the development sign-in like a person would.
/// </summary>
public sealed class ApprovalsServerHost : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> FinanceRecipients = ["finances@collectivite.example.fr", "tresorerie@collectivite.example.fr"];

    private readonly Factory factory;

    private ApprovalsServerHost(AzuriteInstance azurite, SendGridCaptureServer mail, FakeTimeProvider time, Factory factory, Uri baseAddress)
    {
        Azurite = azurite;
        Mail = mail;
        Time = time;
        this.factory = factory;
        BaseAddress = baseAddress;
    }

    public AzuriteInstance Azurite { get; }

    public SendGridCaptureServer Mail { get; }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => factory.Services;

    /// <param name="environment">The hosting environment: the development sign-in exists only in <c>Development</c>.</param>
    /// <param name="services">Services added after the server's own (e.g. an in-memory telemetry exporter).</param>
    /// <param name="port">The loopback port; 0: any free one (an OpenID provider must know the port before the server starts).</param>
    public static async Task<ApprovalsServerHost> StartAsync(
        DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null, int port = 0)
    {
        var azurite = await AzuriteInstance.StartNewAsync();
        var mail = await SendGridCaptureServer.StartAsync();
        var time = new FakeTimeProvider(now);
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:RequestTimeout"] = "00:00:03",
            ["Mail:SendGridApiKey"] = "SG.test-key",
            ["Mail:SendGridHost"] = mail.BaseUrl,
            ["Mail:BaseDelay"] = "00:00:00.050",
            ["Mail:FinanceRecipients:0"] = FinanceRecipients[0],
            ["Mail:FinanceRecipients:1"] = FinanceRecipients[1],
            ["Clock:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        configuration[WebHostDefaults.ServerUrlsKey] = $"http://127.0.0.1:{port}";
        var factory = new Factory(configuration, time, environment, services);
        try
        {
            factory.UseKestrel();
            factory.StartServer();
        }
        catch
        {
            // A server that cannot start must not leave its Azurite process and capture server behind.
            await factory.DisposeAsync();
            await mail.DisposeAsync();
            await azurite.DisposeAsync();
            throw;
        }

        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApprovalsServerHost(azurite, mail, time, factory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>A client signed in through the development sign-in with <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignInAsync(Role role, string name = "Claire Martin")
    {
        var client = Anonymous();
        var response = await client.PostAsync("/dev/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["role"] = role.ToString() }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>A client with no identity that sends the application's CSRF header, as the pages' scripts do.</summary>
    public HttpClient Anonymous()
    {
        var client = CrossSite();
        client.DefaultRequestHeaders.Add(RequestOrigin.Header, "1");
        return client;
    }

    /// <summary>A client without the application's CSRF header: what a form or a <c>no-cors</c> fetch of another site sends.</summary>
    public HttpClient CrossSite() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>
    /// What the dossier's clock does when its timers wake, driven by the test's fake time (the engine's own timers run
    /// in real time, so the host runs with <c>Clock:Enabled=false</c>): plans and fires, through the clock's
    /// activities, every deadline due by now. Returns how many were fired.
    /// </summary>
    public async Task<int> FireDueDeadlinesAsync(string dossierId)
    {
        var activities = Service<ClockActivities>();
        var fired = 0;
        while (await activities.NextDeadlineAsync(dossierId, CancellationToken.None) is { DueUtc: { } due, DeadlineId: { } deadlineId }
            && due <= Time.GetUtcNow().UtcDateTime
            && await activities.FireDeadlineAsync(new DeadlineToFire(dossierId, deadlineId), CancellationToken.None) == FireResult.Done)
        {
            fired++;
        }

        return fired;
    }

    public T Service<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await Mail.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> configuration, FakeTimeProvider time, string environment, Action<IServiceCollection>? extra)
        : WebApplicationFactory<Program>
    {
        private readonly TaskCompletionSource startGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in configuration)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(time);
                services.Replace(ServiceDescriptor.Singleton<IHostLifetime>(new GatedLifetime(startGate.Task)));
                extra?.Invoke(services);
            });
        }

        /// <summary>
        /// Program.cs starts its own host on its own thread, and a start that fails (a wrong setting) disposes it. The
        /// factory's own start first reads the host's services to wait for it: had the program's start already failed,
        /// that read would meet a disposed container and hide the real error behind an ObjectDisposedException. So the
        /// program's start waits at the gate until the factory is waiting for its outcome.
        /// </summary>
        protected override IHost CreateHost(IHostBuilder builder)
        {
            var host = builder.Build();
            Task started;
            try
            {
                started = host.StartAsync();
            }
            finally
            {
                startGate.TrySetResult();
            }

            started.GetAwaiter().GetResult();
            return host;
        }
    }

    /// <summary>The host's lifetime in tests: no console signals, and a start that waits for the factory (above).</summary>
    private sealed class GatedLifetime(Task gate) : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => gate.WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
