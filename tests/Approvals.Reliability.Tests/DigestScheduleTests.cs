using Approvals.Testing;

namespace Approvals.Reliability.Tests;

/// <summary>
/// A bug found on the way: the digest worker waited for its next run in one timer, and a timer takes at most about
/// 49.7 days, so a monthly-on-the-31st or yearly digest schedule stopped the whole server at start-up.
/// </summary>
public sealed class DigestScheduleTests
{
    [Fact]
    public async Task A_server_whose_digest_runs_once_a_year_starts_and_answers()
    {
        await using var host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?> { ["Reminders:DigestCron"] = "0 7 1 1 *" });

        var health = await host.Anonymous().GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
