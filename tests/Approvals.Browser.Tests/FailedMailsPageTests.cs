using Approvals.Server;
using Approvals.Testing;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>E-mails the provider refuses for good are listed for finance, who sends them again from the page.</summary>
public sealed class FailedMailsPageTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 8, 1, 8, 0, 0, TimeSpan.Zero));
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_email_is_listed_and_finance_sends_it_again()
    {
        for (var i = 0; i < 3; i++)
        {
            host.Mail.EnqueueResponse(400);
        }

        await DemoData.LoadAsync(host.Services, CancellationToken.None);
        await host.Mail.WaitForRequestsAsync(3, TimeSpan.FromSeconds(20));
        var page = await browser.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/connexion.html?retour=%2Fenvois.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#signin-name", "Paul Trésor");
        await page.SelectOptionAsync("#signin-role", "Finance");
        await page.ClickAsync("#signin-submit");

        var rows = page.GetByTestId("failed-mail");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await Assertions.Expect(rows.First).ToContainTextAsync("HTTP 400");
        await Browser.ScreenshotAsync(page, "05-failed-mails");
        await rows.First.GetByTestId("retry-mail").ClickAsync();

        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.Equal(202, (await host.Mail.WaitForRequestsAsync(4, TimeSpan.FromSeconds(10)))[3].AnsweredStatus);
    }
}
