using System.Diagnostics;
using Approvals.Application;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>
/// Issue point 4: faults scripted at the SendGrid capture server, on the approval e-mail sent to finance at the
/// convention's signature. The mailer waits on the server's (fake) clock, so the test moves time by hand and checks
/// that no attempt comes before its wait is over.
/// </summary>
public sealed class MailFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Long enough for the mailer to read an answer and start its wait on the fake clock.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    private ApprovalsServerHost host = null!;
    private string id = "";
    private int before;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?>
        {
            ["Mail:MaxAttempts"] = "4",
            ["Mail:BaseDelay"] = "00:00:00.100",
            // No daily digest in these months: its mail would take the scripted answers.
            ["Reminders:DigestCron"] = "0 7 1 1 *",
        });
        id = await Walks.EnforceableAsync(host);
        before = host.Mail.Requests.Count;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        host.Mail.EnqueueResponse(429, TimeSpan.FromSeconds(2));
        await SignAsync();
        await AttemptsAsync(1);

        var second = await AdvanceUntilAttemptAsync(2, TimeSpan.FromMilliseconds(100));

        var attempts = await AttemptsAsync(2);
        Assert.True(second >= TimeSpan.FromSeconds(2), $"retried {second.TotalMilliseconds} ms after a 429 asking for 2 s");
        Assert.Equal([429, 202], attempts.Select(a => a.AnsweredStatus));
        Assert.All(attempts, a => Assert.Equal($"{id}:6:approval", a.CustomArgs["approvalsKey"]));
        await NothingFailedAsync();
        output.WriteLine($"429 with Retry-After: 2 → retried when the server's clock had moved {second.TotalMilliseconds:F0} ms (steps of 100 ms), accepted; nothing failed");
    }

    [Fact]
    public async Task A_500_is_retried_with_growing_backoff_until_accepted()
    {
        host.Mail.EnqueueResponse(500);
        host.Mail.EnqueueResponse(503);
        await SignAsync();
        await AttemptsAsync(1);

        // Backoff after attempt n lies in [base·2^(n-1), 1.5·base·2^(n-1)): 100–150 ms, then 200–300 ms.
        var second = await AdvanceUntilAttemptAsync(2, TimeSpan.FromMilliseconds(10));
        var third = second + await AdvanceUntilAttemptAsync(3, TimeSpan.FromMilliseconds(10));

        var attempts = await AttemptsAsync(3);
        Assert.True(second >= TimeSpan.FromMilliseconds(100), $"second attempt {second.TotalMilliseconds} ms after the first");
        Assert.True(third >= TimeSpan.FromMilliseconds(300), $"third attempt {third.TotalMilliseconds} ms after the first");
        Assert.Equal([500, 503, 202], attempts.Select(a => a.AnsweredStatus));
        await NothingFailedAsync();
        output.WriteLine($"500 then 503: attempts at +{second.TotalMilliseconds:F0} ms and +{third.TotalMilliseconds:F0} ms on the server's clock (backoff ≥ 100 then ≥ 200 ms), accepted; nothing failed");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public async Task A_400_or_401_is_not_retried_but_kept_as_failed_and_finance_can_send_it_again(int status)
    {
        host.Mail.EnqueueResponse(status);
        await SignAsync();
        await AttemptsAsync(1);

        // Not retried, not even by the outbox's sweep (every 30 s).
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await Task.Delay(Settle);
        Assert.Single(Attempts);
        var reader = await host.SignInAsync(Role.Reader);
        var failed = Assert.Single((await (await reader.GetAsync("/api/outbox/failed")).JsonAsync()).EnumerateArray());
        Assert.Equal(id, failed.GetProperty("dossierId").GetString());
        Assert.Contains($"HTTP {status}", failed.GetProperty("reason").GetString());
        Assert.Contains(ApprovalsServerHost.FinanceRecipients[0], failed.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        var itemId = failed.GetProperty("itemId").GetString();

        await (await reader.PostAsync($"/api/outbox/{id}/{itemId}/retry", null)).ProblemAsync(403);
        var finance = await host.SignInAsync(Role.Finance);
        var watch = Stopwatch.StartNew();
        var retried = await Walks.OkAsync(finance.PostAsync($"/api/outbox/{id}/{itemId}/retry", null));

        Assert.True(retried.GetProperty("sent").GetBoolean());
        var attempts = await AttemptsAsync(2);
        Assert.Equal([status, 202], attempts.Select(a => a.AnsweredStatus));
        Assert.Equal(attempts[0].CustomArgs["approvalsKey"], attempts[1].CustomArgs["approvalsKey"]);
        await NothingFailedAsync();
        await (await finance.PostAsync($"/api/outbox/{id}/{itemId}/retry", null)).ProblemAsync(409);
        output.WriteLine($"{status}: one attempt, no retry after 2 min of sweeps; listed in /api/outbox/failed; retry by finance sent it in {watch.ElapsedMilliseconds} ms (reader: 403; second retry: 409)");
    }

    private IReadOnlyList<CapturedMailRequest> Attempts => host.Mail.Requests.Skip(before).ToList();

    /// <summary>
    /// Moves the server's clock forward by <paramref name="step"/> until the capture server has seen <paramref name="count"/>
    /// requests; returns how far the clock moved. A retry can only be released by a move, so this is never less than
    /// the wait the mailer chose, however slow the machine.
    /// </summary>
    private async Task<TimeSpan> AdvanceUntilAttemptAsync(int count, TimeSpan step)
    {
        var moved = TimeSpan.Zero;
        while (Attempts.Count < count)
        {
            Assert.True(moved < TimeSpan.FromSeconds(10), $"no attempt {count} after moving the clock {moved}");
            host.Time.Advance(step);
            moved += step;
            await Task.Delay(60);
        }

        return moved;
    }

    private async Task SignAsync()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        await Walks.OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/signature", Bodies.Signature(new DateOnly(2022, 6, 28))));
    }

    private async Task<IReadOnlyList<CapturedMailRequest>> AttemptsAsync(int count)
    {
        await host.Mail.WaitForRequestsAsync(before + count, TimeSpan.FromSeconds(10));
        await Task.Delay(Settle);
        Assert.Equal(count, Attempts.Count);
        return Attempts;
    }

    private async Task NothingFailedAsync()
    {
        var reader = await host.SignInAsync(Role.Reader);
        Assert.Empty((await (await reader.GetAsync("/api/outbox/failed")).JsonAsync()).EnumerateArray());
    }
}
