using System.Diagnostics;
using Approvals.Application;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>
/// Issue point 3: Azurite stopped mid-run. Requests fail fast as 503 problems and change nothing; once Azurite is
/// back, the same server process answers again, and its outbox and clock finish what the outage held up.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The host's <c>Storage:RequestTimeout</c> is 3 s, with 2 retries: a request must never hang for longer than this.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(10);

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?>
    {
        ["Outbox:SweepInterval"] = "00:00:30",
        ["Mail:MaxAttempts"] = "1",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task With_storage_down_requests_fail_fast_and_change_nothing_and_once_it_is_back_outbox_and_clock_catch_up()
    {
        var id = await Walks.SignedAsync(host);
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var finance = await host.SignInAsync(Role.Finance);
        host.Time.SetUtcNow(Walks.Paris(2022, 6, 30));
        var mailsBefore = host.Mail.Requests.Count;
        host.Mail.EnqueueResponse(500);
        var notified = await Walks.OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/notification", Bodies.Notification(new DateOnly(2022, 6, 30))));
        var notifiedVersion = notified.GetProperty("version").GetInt64();
        var notificationKey = $"{id}:{notifiedVersion}:notification";
        // The provider's 500 leaves the notification mail in the outbox, for a sweep that will meet the outage.
        await host.Mail.WaitForRequestsAsync(mailsBefore + 1, TimeSpan.FromSeconds(10));

        await host.Azurite.StopAsync();
        var read = await TimedAsync(() => officer.GetAsync($"/api/dossiers/{id}"));
        var command = await TimedAsync(() => finance.PostJsonAsync($"/api/dossiers/{id}/payment-requests", Bodies.PaymentRequest(new DateOnly(2022, 6, 30))));
        var create = await TimedAsync(() => officer.PostJsonAsync("/api/dossiers", Bodies.Request(new DateOnly(2022, 6, 30))));
        var health = await TimedAsync(() => officer.GetAsync("/health"));
        foreach (var (response, elapsed) in new[] { read, command, create })
        {
            var problem = await response.ProblemAsync(503);
            Assert.Equal("storage.unavailable", problem.GetProperty("type").GetString()!.Split('/')[^1]);
            Assert.True(elapsed < FailFast, $"{response.RequestMessage!.RequestUri} took {elapsed}");
        }

        Assert.NotEqual(200, (int)health.Response.StatusCode);

        // The 30-day reminder of the payment window falls due while storage is down: the clock's tick fails.
        host.Time.SetUtcNow(Walks.Paris(2022, 7, 31));
        await Task.Delay(1_500);

        var outage = Stopwatch.StartNew();
        await host.Azurite.StartAsync();
        var restarted = outage.Elapsed;
        HttpResponseMessage again;
        do
        {
            again = await officer.GetAsync($"/api/dossiers/{id}");
        }
        while (!again.IsSuccessStatusCode && outage.Elapsed < TimeSpan.FromSeconds(30));

        var recovered = outage.Elapsed;
        var view = await again.JsonAsync();
        Assert.Equal(notifiedVersion, view.GetProperty("version").GetInt64());
        Assert.DoesNotContain("PaymentRequested", view.RegisterTypes());
        Assert.Equal("SUB-2022-0001", Assert.Single((await (await officer.GetAsync("/api/dossiers")).JsonAsync()).GetProperty("items").EnumerateArray()).GetProperty("dossierId").GetString());

        // The clock and the outbox sweep catch up on their next ticks (the fake clock moves a minute at a time; the
        // index entry of the reminder may itself be outbox work the outage held up, filed by the sweep of the same tick).
        var caughtUp = Stopwatch.StartNew();
        var ticks = 0;
        var reminderKey = "";
        while (caughtUp.Elapsed < TimeSpan.FromSeconds(30))
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
            ticks++;
            await host.FireDueDeadlinesAsync(id);
            var register = (await (await officer.GetAsync($"/api/dossiers/{id}")).JsonAsync()).GetProperty("register").EnumerateArray().ToList();
            if (register.FirstOrDefault(e => e.GetProperty("type").GetString() == "ReminderDue") is { ValueKind: System.Text.Json.JsonValueKind.Object } reminder)
            {
                reminderKey = $"{id}:{reminder.GetProperty("sequence").GetInt64()}:reminder";
                var sent = host.Mail.Requests.Where(r => r.AnsweredStatus == 202).Select(r => r.CustomArgs.GetValueOrDefault("approvalsKey")).ToList();
                if (sent.Contains(notificationKey) && sent.Contains(reminderKey))
                {
                    break;
                }
            }

            await Task.Delay(300);
        }

        var keys = host.Mail.Requests.Where(r => r.AnsweredStatus == 202).Select(r => r.CustomArgs.GetValueOrDefault("approvalsKey")).ToList();
        Assert.True(reminderKey.Length > 0, "the clock did not fire the reminder that fell due during the outage");
        Assert.Contains(notificationKey, keys);
        Assert.Contains(reminderKey, keys);
        await Walks.OkAsync(finance.PostJsonAsync($"/api/dossiers/{id}/payment-requests", Bodies.PaymentRequest(new DateOnly(2022, 7, 31))));
        output.WriteLine($"503 latency with storage down: read {Ms(read.Elapsed)}, command {Ms(command.Elapsed)}, create {Ms(create.Elapsed)}; /health {(int)health.Response.StatusCode} in {Ms(health.Elapsed)}");
        output.WriteLine($"Azurite back in {Ms(restarted)}, first 200 from the same server process {Ms(recovered)} after the restart began; outbox and clock caught up in {ticks} tick(s) of a minute ({Ms(caughtUp.Elapsed)})");
    }

    /// <summary>
    /// Storage that hangs instead of refusing connections: each try is abandoned after <c>Storage:RequestTimeout</c>,
    /// so a request answers 503 after at most (1 + MaxRetries) × timeout plus the retry pauses, never later. A write
    /// abandoned that way may still land once storage wakes up (it was already sent): the outcome is unknown, and the
    /// client's retry under the same <c>Idempotency-Key</c> settles it — recorded exactly once either way.
    /// </summary>
    [Fact]
    public async Task With_storage_frozen_a_request_gives_up_after_the_configured_timeout_and_its_retry_records_it_once()
    {
        await using var frozen = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?>
        {
            ["Storage:RequestTimeout"] = "00:00:01",
            ["Storage:MaxRetries"] = "1",
        });
        var id = await Walks.SignedAsync(frozen);
        var officer = await frozen.SignInAsync(Role.CaseOfficer);
        var notification = Bodies.Notification(new DateOnly(2022, 6, 29));

        await frozen.Azurite.SuspendAsync();
        var read = await TimedAsync(() => officer.GetAsync($"/api/dossiers/{id}"));
        var command = await TimedAsync(() => officer.PostJsonAsync($"/api/dossiers/{id}/notification", notification, "notify-frozen"));
        await frozen.Azurite.ResumeAsync();

        foreach (var (response, elapsed) in new[] { read, command })
        {
            var problem = await response.ProblemAsync(503);
            Assert.Contains("peut-être", problem.GetProperty("detail").GetString());
            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"{response.RequestMessage!.RequestUri} took {elapsed} with a 1 s timeout and 1 retry");
        }

        var retried = await Walks.OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/notification", notification, "notify-frozen"));
        var again = await Walks.OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/notification", notification, "notify-frozen"));
        await Task.Delay(1_000);
        var view = await Walks.OkAsync(officer.GetAsync($"/api/dossiers/{id}"));
        Assert.Equal("Notified", view.GetProperty("stage").GetString());
        Assert.Single(view.RegisterTypes(), t => t == "Notified");
        Assert.Equal(retried.GetProperty("version").GetInt64(), again.GetProperty("version").GetInt64());
        Assert.Equal(view.GetProperty("version").GetInt64(), retried.GetProperty("version").GetInt64());
        Assert.True((await Walks.OkAsync(officer.GetAsync($"/api/dossiers/{id}/register/verify"))).GetProperty("valid").GetBoolean());
        output.WriteLine($"storage frozen (SIGSTOP), timeout 1 s and 1 retry: read 503 in {Ms(read.Elapsed)}, command 503 in {Ms(command.Elapsed)}; after SIGCONT the retry under the same key: 200, one Notified in the register");
    }

    private static string Ms(TimeSpan elapsed) => $"{elapsed.TotalMilliseconds:F0} ms";

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        var response = await call();
        return (response, watch.Elapsed);
    }
}
