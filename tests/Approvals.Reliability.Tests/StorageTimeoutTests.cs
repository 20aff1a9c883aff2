using System.Diagnostics;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>
/// The README's figure: with the default <c>Storage:RequestTimeout</c> (10 s) and retries (2), a request meeting a
/// frozen Azurite (SIGSTOP) answers 503 after about 10 s, not after three timeouts (21–26 s before the budget covered
/// the retries).
/// </summary>
public sealed class StorageTimeoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?>
    {
        ["Storage:RequestTimeout"] = "00:00:10",
        ["Storage:MaxRetries"] = "2",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenTheDefaultTimeout_WhenAzuriteIsFrozen_ThenAReadAndACommandFailWithin10SecondsAndALittle()
    {
        var id = await Walks.CreateAsync(host, new DateOnly(2022, 5, 2));
        var officer = await host.SignInAsync(Role.CaseOfficer);

        await host.Azurite.SuspendAsync();
        var read = await TimedAsync(() => officer.GetAsync($"/api/dossiers/{id}"));
        var command = await TimedAsync(() => officer.PostJsonAsync($"/api/dossiers/{id}/withdrawal", new JsonObject { ["on"] = "2022-05-03", ["reason"] = "Projet abandonné" }, "withdraw-frozen"));
        await host.Azurite.ResumeAsync();

        foreach (var (response, elapsed) in new[] { read, command })
        {
            await response.ProblemAsync(503);
            Assert.True(elapsed > TimeSpan.FromSeconds(9) && elapsed < TimeSpan.FromSeconds(12.5), $"{response.RequestMessage!.RequestUri} answered 503 after {elapsed}");
        }

        output.WriteLine($"Azurite frozen, RequestTimeout 10 s and 2 retries: read 503 in {read.Elapsed.TotalMilliseconds:F0} ms, command 503 in {command.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        var response = await call();
        return (response, watch.Elapsed);
    }
}
