using Approvals.Api;
using Approvals.Application;
using Approvals.Clock;
using Approvals.Domain;
using Approvals.Mail;
using Approvals.Seeds;
using Approvals.Storage;
using Approvals.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// The application over its own tables in a shared Azurite, e-mails to a SendGrid capture server, a clock signal on the
/// Durable Task client the test gives it, and the real store behind a switchable fault (<see cref="FlakyDossierStore"/>).
/// The domain's clock is fixed by the test; the engines' timers run in real time.
/// </summary>
public sealed class ClockApp : IAsyncDisposable
{
    public static readonly Actor Officer = new("Claire Martin", Role.CaseOfficer);

    private readonly ServiceProvider services;
    private DurableTaskClient? client;

    private ClockApp(ServiceProvider services, SendGridCaptureServer mail, FakeTimeProvider time)
    {
        this.services = services;
        Mail = mail;
        Time = time;
    }

    public SendGridCaptureServer Mail { get; }

    public FakeTimeProvider Time { get; }

    public DossierService Dossiers => services.GetRequiredService<DossierService>();

    public FlakyDossierStore Store => (FlakyDossierStore)services.GetRequiredService<IDossierStore>();

    public ClockActivities Activities => services.GetRequiredService<ClockActivities>();

    public IServiceProvider Services => services;

    public DurableTaskClient Client
    {
        get => client ?? throw new InvalidOperationException("No engine client yet.");
        set => client = value;
    }

    public static async Task<ClockApp> StartAsync(AzuriteInstance azurite, DateTimeOffset now)
    {
        var mail = await SendGridCaptureServer.StartAsync();
        var unique = Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:DossiersTable"] = $"Dossiers{unique}",
            ["Storage:DeadlinesTable"] = $"Deadlines{unique}",
            ["Storage:BudgetLedgerTable"] = $"BudgetLedger{unique}",
            ["Storage:DossierIndexTable"] = $"DossierIndex{unique}",
            ["Storage:DossierSummariesTable"] = $"DossierSummaries{unique}",
            ["Storage:CountersTable"] = $"Counters{unique}",
            ["Storage:BudgetLinesTable"] = $"BudgetLines{unique}",
            ["Storage:ProgrammesTable"] = $"Programmes{unique}",
            ["Storage:AuthoritiesTable"] = $"Authorities{unique}",
            ["Storage:DocumentsContainer"] = $"dossiers-{unique}",
            ["Mail:SendGridApiKey"] = "SG.test-key",
            ["Mail:SendGridHost"] = mail.BaseUrl,
            ["Mail:BaseDelay"] = "00:00:00.050",
            ["Mail:FinanceRecipients:0"] = "finances@collectivite.example.fr",
        }).Build();
        var time = new FakeTimeProvider(now);
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(time)
            .AddApprovalsCore(configuration)
            .AddApprovalsStorage(configuration)
            .AddApprovalsMail(configuration, AppContext.BaseDirectory)
            .AddSingleton<ClockActivities>()
            .AddSingleton<ClockReconciliation>();
        collection.AddSingleton<IDossierStore>(provider => new FlakyDossierStore(ActivatorUtilities.CreateInstance<TableDossierStore>(provider)));
        ClockApp? app = null;
        collection.AddSingleton<IClockSignal>(_ => new DurableClockSignal(app!.Client));
        app = new ClockApp(collection.BuildServiceProvider(), mail, time);
        await app.services.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);
        return app;
    }

    /// <summary>Carries out every pending outbox item, the clock signals among them, as the hosts' dispatchers do.</summary>
    public async Task<int> DispatchOutboxAsync()
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var signal = services.GetRequiredService<OutboxSignal>();
        var done = 0;
        while (signal.Reader.TryRead(out var work))
        {
            done += await dispatcher.DispatchAsync(work, CancellationToken.None);
        }

        return done + await dispatcher.SweepAsync(CancellationToken.None);
    }

    /// <summary>Loses the clock signals still in the outbox, as a crash or a bug might.</summary>
    public async Task DropClockSignalsAsync(string dossierId)
    {
        var signals = (await Store.ReadOutboxAsync(dossierId, CancellationToken.None)).Where(i => i.Kind == OutboxKinds.Clock).Select(i => i.Id).ToList();
        await Store.DeleteOutboxAsync(dossierId, signals, CancellationToken.None);

        // The committing process still holds them in memory: carry out the rest of that work without them.
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var signal = services.GetRequiredService<OutboxSignal>();
        while (signal.Reader.TryRead(out var work))
        {
            await dispatcher.DispatchAsync(work with { Items = work.Items.Where(i => i.Kind != OutboxKinds.Clock).ToList() }, CancellationToken.None);
        }
    }

    public async Task<string> CreateAsync()
    {
        var created = await Dossiers.CreateAsync(SeedDossier.Request, Officer, null, CancellationToken.None);
        return created.Unwrap().DossierId;
    }

    /// <summary>Applies the seed dossier's <paramref name="count"/> steps after its submission, each at its own date (the clock stays at the last).</summary>
    public async Task ApplySeedStepsAsync(string dossierId, int count)
    {
        foreach (var (command, at) in SeedDossier.ThroughPayment.Skip(1).Take(count))
        {
            Time.SetUtcNow(at);
            var outcome = await Dossiers.HandleAsync(dossierId, command, Officer, CancellationToken.None);
            Assert.True(outcome.IsOk, $"{command.GetType().Name}: {(outcome.IsOk ? "" : outcome.Refusals[0].Message)}");
        }
    }

    public async Task<Dossier> StateAsync(string dossierId) => (await Dossiers.GetAsync(dossierId, CancellationToken.None)).Unwrap().State;

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
