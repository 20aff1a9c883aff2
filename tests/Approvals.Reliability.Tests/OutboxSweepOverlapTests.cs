using Approvals.Application;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>
/// [hardening] item 7: a mail retrying for 15–22 s (SendGrid answering 503 twice, backoff 5–7.5 s then 10–15 s) while
/// the outbox sweep comes round every 10 s. The sweep must leave the item to the dispatch that holds its lease: the
/// capture server sees the approval mail accepted once, and no attempt that the retries did not make.
/// </summary>
public sealed class OutboxSweepOverlapTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() =>
        host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?>
        {
            ["Mail:MaxAttempts"] = "4",
            ["Mail:BaseDelay"] = "00:00:05",
            ["Outbox:SweepInterval"] = "00:00:10",
            ["Reminders:DigestCron"] = "0 7 1 1 *",
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAMailRetryingFor15To22Seconds_WhenTheSweepRunsMeanwhile_ThenTheMailIsSentOnce()
    {
        var id = await Walks.EnforceableAsync(host);
        var before = host.Mail.Requests.Count;
        host.Mail.EnqueueResponse(503);
        host.Mail.EnqueueResponse(503);
        var officer = await host.SignInAsync(Role.CaseOfficer);
        await Walks.OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/signature", Bodies.Signature(new DateOnly(2022, 6, 28))));
        await host.Mail.WaitForRequestsAsync(before + 1, TimeSpan.FromSeconds(10));

        // 60 s of the server's clock in half-second steps: the retries' waits and six sweeps all fall in it.
        for (var step = 0; step < 120; step++)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(40);
        }

        await Task.Delay(500);
        var approval = host.Mail.Requests.Skip(before).Where(r => r.CustomArgs.GetValueOrDefault("approvalsKey") == $"{id}:6:approval").ToList();
        output.WriteLine($"approval mail attempts: {string.Join(", ", approval.Select(a => a.AnsweredStatus))}");
        Assert.Equal([503, 503, 202], approval.Select(a => a.AnsweredStatus));
        Assert.Empty(await host.Service<IDossierStore>().ReadOutboxAsync(id, CancellationToken.None));
    }
}
