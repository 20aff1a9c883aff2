using System.Net;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>The API's reference is served, and the daily digest goes out to finance on its cron schedule (Paris time).</summary>
public sealed class OpenApiAndDigestTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() =>
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 6, 30, 4, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_openapi_document_lists_every_command_route_and_the_reference_page_is_served()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var document = await client.GetStringAsync("/openapi/v1.json");
        var reference = await client.GetAsync("/scalar");

        Assert.Contains("/api/dossiers/{id}/vote", document);
        Assert.Contains("/api/dossiers/{id}/payment-requests", document);
        Assert.Contains("/api/dossiers/{id}/documents", document);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task The_daily_digest_goes_to_finance_at_seven_in_Paris_on_a_weekday()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request)).StatusCode);

        // Thursday 30 June 2022, 04:00 UTC = 06:00 in Paris: nothing yet; 05:00 UTC = 07:00 in Paris: the digest.
        await Task.Delay(300);
        Assert.DoesNotContain(host.Mail.Requests, r => r.Subject?.StartsWith("Échéances", StringComparison.Ordinal) == true);
        host.Time.Advance(TimeSpan.FromHours(1));

        var digest = await WaitForAsync(() => host.Mail.Requests.FirstOrDefault(r => r.Subject?.StartsWith("Échéances", StringComparison.Ordinal) == true));
        Assert.Equal(ApprovalsServerHost.FinanceRecipients.Order(), digest.To.Order());
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("Timed out waiting.");
    }
}
