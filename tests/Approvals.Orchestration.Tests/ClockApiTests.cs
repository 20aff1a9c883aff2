using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Api;
using Approvals.Application;
using Approvals.Seeds;
using Approvals.Server;
using Approvals.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// The clock as people see it, through the real server running its engine (the Durable Task Framework over Azurite):
/// the dossier's answer and page say what the orchestration waits for and when its timer rings, and the operations
/// routes list clocks by runtime status and restart one.
/// </summary>
public sealed class ClockApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GivenANotifiedDossier_WhenItsPageIsRead_ThenItsClockSaysItAwaitsThePaymentRequestAndWhenItsTimerRings()
    {
        await using var host = await StartAsync();
        var id = await NotifiedDossierAsync(host);
        var reader = await host.SignInAsync(Role.Reader);

        // The orchestration takes the notification after the command answers: wait until its status has reached that stage.
        var view = await UntilAsync(() => DossierAsync(reader, id), v => v.GetProperty("clock").GetProperty("stageLabel") is { ValueKind: JsonValueKind.String } stage && stage.GetString() == "notifiée");

        // The next timer is the dossier's earliest deadline, which the same answer lists.
        var earliest = view.GetProperty("deadlines").EnumerateArray().MinBy(d => d.GetProperty("dueAt").GetDateTimeOffset());
        var day = DateOnly.Parse(earliest.GetProperty("day").GetString()!, CultureInfo.InvariantCulture);
        var clock = view.GetProperty("clock");
        Assert.Equal("Running", clock.GetProperty("runtimeStatus").GetString());
        Assert.Equal("en cours", clock.GetProperty("runtimeStatusLabel").GetString());
        Assert.StartsWith($"en attente de la demande de paiement, minuterie le {day:dd/MM/yyyy} à 24 h", clock.GetProperty("text").GetString());
        Assert.Equal(earliest.GetProperty("dueAt").GetDateTimeOffset(), clock.GetProperty("nextTimerDue").GetDateTimeOffset());
        Assert.True(clock.GetProperty("lastUpdatedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task GivenClocksTerminatedAndPurged_WhenFinanceListsAndRestartsThem_ThenTheyAreListedUnderTheirStatusAndRunAgain()
    {
        await using var host = await StartAsync();
        var client = host.Service<DurableTaskClient>();
        var terminated = await CreateAsync(host);
        var purged = await CreateAsync(host);
        await UntilAsync(async () => await IdsAsync(await host.SignInAsync(Role.Reader), "running"), ids => ids.Contains(terminated) && ids.Contains(purged));
        await client.TerminateInstanceAsync(terminated);
        await client.TerminateInstanceAsync(purged);
        await client.WaitForInstanceCompletionAsync(purged, new CancellationTokenSource(Patience).Token);
        await client.PurgeInstanceAsync(purged);
        var reader = await host.SignInAsync(Role.Reader);
        var finance = await host.SignInAsync(Role.Finance);

        var listedTerminated = await UntilAsync(() => IdsAsync(reader, "terminated"), ids => ids.Contains(terminated));
        var listedMissing = await IdsAsync(reader, "missing");
        var refused = await (await host.SignInAsync(Role.CaseOfficer)).PostAsync($"/api/clocks/{terminated}/restart", null);
        var unknownStatus = await reader.GetAsync("/api/clocks?status=asleep");
        var restarted = await finance.PostAsync($"/api/clocks/{terminated}/restart", null);
        var restartedMissing = await finance.PostAsync($"/api/clocks/{purged}/restart", null);
        var noSuchDossier = await finance.PostAsync("/api/clocks/SUB-2099-9999/restart", null);

        Assert.Equal([terminated], listedTerminated);
        Assert.Equal([purged], listedMissing);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownStatus.StatusCode);
        Assert.Contains("\"status\"", await unknownStatus.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, restartedMissing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchDossier.StatusCode);
        var running = await UntilAsync(() => IdsAsync(reader, "running"), ids => ids.Contains(terminated) && ids.Contains(purged));
        Assert.Empty(await IdsAsync(reader, "terminated"));
        Assert.Empty(await IdsAsync(reader, "missing"));
        Assert.Equal(2, running.Count);
    }

    [Fact]
    public async Task GivenMoreClocksThanAPage_WhenTheyAreListed_ThenEachPageIsBoundedAndTheContinuationLeadsToTheRest()
    {
        await using var host = await StartAsync();
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await CreateAsync(host));
        }

        var reader = await host.SignInAsync(Role.Reader);
        await UntilAsync(() => IdsAsync(reader, "running"), ids => ids.Count == 3);

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await JsonAsync(reader, $"/api/clocks?status=running&take=2{(continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}")}");
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dossierId").GetString()!).ToList();
            Assert.True(items.Count <= 2, $"A page of {items.Count} clocks for take=2.");
            seen.AddRange(items);
            continuation = page.GetProperty("continuation").GetString();
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(created.Order(), seen.Order());
        Assert.True(pages >= 2);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reader.GetAsync("/api/clocks?take=101")).StatusCode);
    }

    private static async Task<ApprovalsServerHost> StartAsync()
    {
        var host = await ApprovalsServerHost.StartAsync(SeedDossier.At(2022, 5, 3), new Dictionary<string, string?>
        {
            ["Clock:Enabled"] = "true",
            ["Clock:PartitionCount"] = "1",
        });
        await host.Services.GetServices<IHostedService>().OfType<ClockEngine>().Single().Ready.WaitAsync(Patience);
        return host;
    }

    private static async Task<string> CreateAsync(ApprovalsServerHost host) =>
        (await host.Service<DossierService>().CreateAsync(SeedDossier.Request, ClockApp.Officer, null, CancellationToken.None)).Unwrap().DossierId;

    /// <summary>The seed dossier up to its notification, each step at its own date, through the service as the API does.</summary>
    private static async Task<string> NotifiedDossierAsync(ApprovalsServerHost host)
    {
        var id = await CreateAsync(host);
        foreach (var (command, at) in SeedDossier.ThroughPayment.Skip(1).Take(5))
        {
            host.Time.SetUtcNow(at);
            var outcome = await host.Service<DossierService>().HandleAsync(id, command, ClockApp.Officer, CancellationToken.None);
            Assert.True(outcome.IsOk, $"{command.GetType().Name} refused: {string.Join(" | ", outcome.IsOk ? [] : outcome.Refusals.Select(r => r.Message))}");
        }

        return id;
    }

    private static Task<JsonElement> DossierAsync(HttpClient client, string id) => JsonAsync(client, $"/api/dossiers/{id}");

    private static async Task<List<string>> IdsAsync(HttpClient client, string status) =>
        (await JsonAsync(client, $"/api/clocks?status={status}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dossierId").GetString()!).ToList();

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> reached)
    {
        var until = DateTime.UtcNow + Patience;
        T last;
        do
        {
            last = await read();
            if (reached(last))
            {
                return last;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);

        throw new TimeoutException($"Never reached; last: {JsonSerializer.Serialize(last)}");
    }
}
