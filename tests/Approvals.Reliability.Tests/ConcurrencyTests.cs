using System.Net;
using Approvals.Application;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>Issue point 2: 50 conflicting commands at once on one dossier, then the same 50 again under their keys.</summary>
public sealed class ConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Fifty_parallel_notifications_one_wins_the_others_get_409_and_retries_apply_nothing_twice()
    {
        var id = await Walks.SignedAsync(host);
        host.Time.SetUtcNow(Walks.Paris(2022, 8, 31));
        var officers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => host.SignInAsync(Role.CaseOfficer, $"Agent {i}")));
        var bodies = Enumerable.Range(0, 50).Select(i => Bodies.Notification(new DateOnly(2022, 6, 29).AddDays(i))).ToList();

        async Task<(int Status, string? MediaType, string Body)[]> SendAllAsync()
        {
            using var start = new ManualResetEventSlim();
            var calls = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            {
                start.Wait();
                var response = await officers[i].PostJsonAsync($"/api/dossiers/{id}/notification", bodies[i], $"notify-{i}");
                return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
            })).ToList();
            start.Set();
            return await Task.WhenAll(calls);
        }

        var first = await SendAllAsync();
        var retried = await SendAllAsync();

        var winner = Assert.Single(Enumerable.Range(0, 50), i => first[i].Status == 200);
        Assert.All(Enumerable.Range(0, 50).Where(i => i != winner), i => Assert.Equal(409, first[i].Status));
        Assert.All(first.Concat(retried).Where(f => f.Status == 409), f => Assert.Equal("application/problem+json", f.MediaType));
        Assert.All(first.Concat(retried).Where(f => f.Status == 409), f => Assert.Contains(
            System.Text.Json.JsonDocument.Parse(f.Body).RootElement.ErrorCodes()[0], new[] { "stage.wrong", "dossier.concurrent-change" }));

        Assert.Equal(200, retried[winner].Status);
        Assert.All(Enumerable.Range(0, 50).Where(i => i != winner), i => Assert.Equal(409, retried[i].Status));
        var version = System.Text.Json.JsonDocument.Parse(first[winner].Body).RootElement.GetProperty("version").GetInt64();
        Assert.Equal(version, System.Text.Json.JsonDocument.Parse(retried[winner].Body).RootElement.GetProperty("version").GetInt64());

        var reader = await host.SignInAsync(Role.Reader);
        var view = await (await reader.GetAsync($"/api/dossiers/{id}")).JsonAsync();
        Assert.Single(view.RegisterTypes(), t => t == "Notified");
        Assert.Equal(version, view.GetProperty("version").GetInt64());
        Assert.Equal("Notified", view.GetProperty("stage").GetString());
        Assert.Equal(Bodies.Day(new DateOnly(2022, 6, 29).AddDays(winner)), view.GetProperty("notifiedOn").GetString());
        Assert.True((await (await reader.GetAsync($"/api/dossiers/{id}/register/verify")).JsonAsync()).GetProperty("valid").GetBoolean());
        var codes = first.Where(f => f.Status == 409).Select(f => System.Text.Json.JsonDocument.Parse(f.Body).RootElement.ErrorCodes()[0]).GroupBy(c => c);
        output.WriteLine($"first round: 1 × 200, 49 × 409 ({string.Join(", ", codes.Select(g => $"{g.Key} × {g.Count()}"))}); retry round: the same answers; register: one Notified at version {version}");
    }
}
