using System.Net.Http.Json;
using Approvals.Application;

namespace Approvals.Bench;

/// <summary>
/// 2. The same commands through the server's API over loopback (JSON bodies, cookie sign-in, <c>Prefer: return=minimal</c>)
/// against calling <see cref="DossierService"/> directly in the same process.
/// </summary>
public static class HttpOverhead
{
    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var steps = context.Walk.VoteToPayment;
        var dossierCount = (context.Sizes.Commands + steps.Count - 1) / steps.Count;
        var clients = new Dictionary<Role, HttpClient>();
        foreach (var role in steps.Select(s => s.Actor.Role).Distinct())
        {
            clients[role] = await context.Server.SignInAsync(role);
        }

        async Task<Timed> Round(bool http)
        {
            var ids = await context.CreateDossiersAsync(dossierCount);
            context.Server.Time.Set(SettableTime.Paris(2022, 8, 10));
            return await context.RunAsync(ids, steps, http ? (id, step) => PostAsync(clients[step.Actor.Role], id, step) : context.DirectAsync);
        }

        await Round(http: false);
        await Round(http: true);
        var throughput = new List<double>();
        var latency = new List<double>();
        var httpLatency = new List<double>();
        for (var round = 1; round <= context.Sizes.Rounds; round++)
        {
            var direct = await Round(http: false);
            var http = await Round(http: true);
            throughput.Add(http.PerSecond / direct.PerSecond);
            latency.Add(http.MedianLatencyMs / direct.MedianLatencyMs);
            httpLatency.Add(http.MedianLatencyMs);
            Console.WriteLine($"  round {round}/{context.Sizes.Rounds} done");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        return new ScenarioResult("2", "HTTP overhead: the API over loopback vs DossierService in process",
            [
                Metric.Of("throughput ratio (HTTP / direct)", throughput, "×", "≥ 0.7", r => r >= 0.7),
                Metric.Of("median latency ratio (HTTP / direct)", latency, "×"),
                Metric.Of("HTTP median latency", httpLatency, "ms"),
            ],
            [$"{dossierCount * steps.Count} commands per round, as in scenario 1; the direct side reads the budget line's credits for the vote as the API does; {context.Sizes.Rounds} A/B rounds"]);
    }

    private static async Task PostAsync(HttpClient client, string dossierId, Step step)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{Uri.EscapeDataString(dossierId)}/{step.Route}") { Content = JsonContent.Create(step.Body) };
        request.Headers.Add("Prefer", "return=minimal");
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{step.Name} on {dossierId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
