using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Server;
using Approvals.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

/// <summary>The application as a host wires it, over its own tables in the shared Azurite: each call is a new process.</summary>
internal static class StorageApp
{
    private static readonly DemoData.DemoDossier Seed = DomainJson.Deserialize<DemoData.DemoScript>(
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "Demo", "seed-004.json"))).Dossiers[0];

    public static GrantRequest SeedRequest => Seed.Request;

    /// <summary>The seed's commands from the vote to the notification (2022-06-09 … 2022-06-30): an approval and a notification mail.</summary>
    public static IReadOnlyList<DossierCommand> SeedToNotification => [.. Seed.Commands.Take(5).Select(step => step.Command)];

    public static readonly Actor Officer = new("Claire Martin", Role.CaseOfficer);

    public static Dictionary<string, string?> Tables(AzuriteInstance azurite)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:DossiersTable"] = $"Dossiers{unique}",
            ["Storage:DeadlinesTable"] = $"Deadlines{unique}",
            ["Storage:CountersTable"] = $"Counters{unique}",
            ["Storage:BudgetLinesTable"] = $"BudgetLines{unique}",
            ["Storage:BudgetLedgerTable"] = $"BudgetLedger{unique}",
            ["Storage:DossierIndexTable"] = $"DossierIndex{unique}",
            ["Storage:DossierSummariesTable"] = $"DossierSummaries{unique}",
            ["Storage:DocumentsContainer"] = $"dossiers-{unique}",
            // The finance staff the approval goes to: without them it is listed as failed, never sent.
            ["Mail:FinanceRecipients:0"] = "finances@collectivite.example.fr",
        };
    }

    public static async Task<ServiceProvider> StartAsync(Dictionary<string, string?> settings, TimeProvider time, IMailer mailer)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(time)
            .AddApprovalsCore(configuration)
            .AddApprovalsStorage(configuration)
            .AddSingleton(mailer)
            .BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);
        return services;
    }

    /// <summary>A document attached by reference only (no blob): a command that any open dossier accepts, as often as wanted.</summary>
    public static DossierCommand.AttachDocument Attachment(int n)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(n)));
        return new DossierCommand.AttachDocument(sha[..16], DocumentKind.Statutes, $"statuts-{n}.pdf", "application/pdf", 1000 + n, sha, $"x/{n}");
    }

    /// <summary>A mailer that accepts everything, for tests about something else.</summary>
    public sealed class NullMailer : IMailer
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
