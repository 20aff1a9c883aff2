using Approvals.Server;
using Approvals.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// The dossier's clock in the pages, with the server running its engine (the Durable Task Framework over Azurite): the
/// dossier page says what its orchestration waits for, and finance restarts a stopped one from the operations page.
/// </summary>
public sealed class OrchestrationsPageTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 8, 1, 8, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
        {
            ["Clock:Enabled"] = "true",
            ["Clock:PartitionCount"] = "1",
        });
        await host.Services.GetServices<IHostedService>().OfType<ClockEngine>().Single().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task GivenAStoppedClock_WhenFinanceOpensTheDossierThenRestartsItFromTheOperationsPage_ThenBothPagesShowTheOrchestration()
    {
        await DemoData.LoadAsync(host.Services, CancellationToken.None);
        const string id = "SUB-2022-0001";
        var page = await browser.NewPageAsync(host.BaseAddress);
        await page.GotoAsync($"/connexion.html?retour={Uri.EscapeDataString($"/dossier.html?id={id}")}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#signin-name", "Paul Trésor");
        await page.SelectOptionAsync("#signin-role", "Finance");
        await page.ClickAsync("#signin-submit");

        // The clock starts through the outbox; the page shows it once there.
        var clock = page.GetByTestId("clock-status");
        for (var attempt = 0; attempt < 30 && !(await clock.CountAsync() > 0 && (await clock.InnerTextAsync()).Contains("en attente du paiement")); attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        await Assertions.Expect(clock).ToContainTextAsync("en attente du paiement, minuterie le ");
        await Assertions.Expect(clock).ToContainTextAsync("(orchestration en cours");

        var client = host.Service<DurableTaskClient>();
        await client.TerminateInstanceAsync(id);
        await client.WaitForInstanceCompletionAsync(id, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        await page.GotoAsync("/orchestrations.html?status=terminated", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var rows = page.GetByTestId("clock-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(id);
        await Assertions.Expect(rows.First).ToContainTextAsync("arrêtée");
        await rows.First.GetByTestId("restart-clock").ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync($"Orchestration du dossier {id} relancée");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await page.GotoAsync("/orchestrations.html?status=running", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.GetByTestId("clock-row")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Browser.ScreenshotAsync(page, "11-orchestrations");
    }
}
