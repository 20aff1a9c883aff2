using Approvals.Application;
using Approvals.Clock;
using Approvals.Seeds;
using Approvals.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// Issue 15: the timers both hosts run act for every authority of the deployment, not only the first. The nightly clock
/// reconciliation, run on the Durable Task SDK's in-process engine over Azurite, restarts the lost clocks of each.
/// </summary>
public sealed class AuthorityTimersTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Second = "pma";

    private static readonly ClockTimings Timings = new(MaxWait: TimeSpan.FromSeconds(4), FirstRetry: TimeSpan.FromMilliseconds(300), Attempts: 2, AfterFailure: TimeSpan.FromSeconds(2));

    private ClockApp app = null!;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync()
    {
        app = await ClockApp.StartAsync(azurite.Azurite, SeedDossier.At(2022, 5, 3));
        host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator(ClockNames.Orchestrator, () => new DossierClockOrchestrator(Timings));
                tasks.AddActivity(ClockNames.NextDeadline, _ => new NextDeadlineActivity(app.Activities));
                tasks.AddActivity(ClockNames.FireDeadline, _ => new FireDeadlineActivity(app.Activities));
            },
            new DurableTaskTestHostOptions { Port = FreePorts.Pick(1)[0], LoggerFactory = LoggerFactory.Create(l => l.SetMinimumLevel(LogLevel.Warning)) });
        app.Client = host.Client;
        await app.Services.GetRequiredService<AuthorityDirectory>().SaveAsync(
            new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task GivenADossierOfEachAuthorityWithoutItsClock_WhenTheReconciliationRuns_ThenBothClocksStart()
    {
        var ours = await CreateAsync(authorityId: null);
        var theirs = await CreateAsync(Second);
        foreach (var id in new[] { ours, theirs })
        {
            await app.DropClockSignalsAsync(id);
        }

        await app.DispatchOutboxAsync();
        Assert.Null(await host.Client.GetInstanceAsync(ours));
        Assert.Null(await host.Client.GetInstanceAsync(theirs));

        var started = await app.Services.GetRequiredService<ClockReconciliation>().RunAsync(host.Client, CancellationToken.None);

        Assert.Equal(2, started);
        Assert.Equal("PMA-SUB-2022-0001", theirs);
        foreach (var id in new[] { ours, theirs })
        {
            var instance = await host.Client.WaitForInstanceStartAsync(id, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);
        }
    }

    private async Task<string> CreateAsync(string? authorityId) =>
        (await app.Dossiers.CreateAsync(SeedDossier.Request, ClockApp.Officer with { AuthorityId = authorityId }, null, CancellationToken.None)).Unwrap().DossierId;
}
