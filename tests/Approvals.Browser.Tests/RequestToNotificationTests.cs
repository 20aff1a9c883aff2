using Approvals.Testing;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// A person's path through the pages in Chromium: the seed's request entered on the form, a document uploaded with
/// its progress bar, the seed's vote recorded, and the dossier walked to notification, where the timeline shows the
/// payment deadline. Screenshots go to TestResults/screenshots.
/// </summary>
public sealed class RequestToNotificationTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Paris(2022, 5, 3));
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task The_seed_request_goes_from_the_form_to_notification_in_the_browser()
    {
        var page = await browser.NewPageAsync(host.BaseAddress);
        await SignInAsync(page, "CaseOfficer", "Claire Martin", "/nouveau.html");

        await page.ClickAsync("#fill-example");
        await page.ClickAsync("#submit-request");
        var number = page.GetByTestId("created-number");
        await Assertions.Expect(number).ToContainTextAsync("SUB-2022-0001");

        await page.SelectOptionAsync("#document-kind", "Statutes");
        await page.SetInputFilesAsync("#document-file", new FilePayload { Name = "statuts.pdf", MimeType = "application/pdf", Buffer = SamplePdf(2 * 1024 * 1024) });
        await page.ClickAsync("#upload-button");
        await Assertions.Expect(page.GetByTestId("upload-percent")).ToHaveTextAsync("100 %", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#document-list")).ToContainTextAsync("statuts.pdf");
        await Browser.ScreenshotAsync(page, "01-request-and-upload");

        var dossierUrl = "/dossier.html?id=SUB-2022-0001";
        host.Time.SetUtcNow(Paris(2022, 6, 10));
        await SignInAsync(page, "Secretariat", "Yves Guyen", dossierUrl);
        await page.ClickAsync("[data-testid=action-RecordVote] summary");
        await page.ClickAsync("#fill-session");
        await Assertions.Expect(page.GetByTestId("vote-preview")).ToContainTextAsync("adopté à l'unanimité");
        // The session of 9 June 2022 is under loi n°2021-1465: a third of the 32 members (11), not a majority (17).
        await Assertions.Expect(page.GetByTestId("vote-quorum")).ToContainTextAsync("Quorum : 11 — atteint (29 présents)");
        await Assertions.Expect(page.GetByTestId("vote-rules")).ToContainTextAsync("loi n°2021-1465, art. 10");
        await Browser.ScreenshotAsync(page, "02-vote-preview");
        await page.ClickAsync("#vote-submit");
        await Assertions.Expect(page.GetByTestId("vote-outcome")).ToContainTextAsync("adopté à l'unanimité");
        // The seed's payment terms: the whole grant at signature, expected until the convention is signed.
        var instalment = page.GetByTestId("instalment");
        await Assertions.Expect(instalment).ToHaveCountAsync(1);
        await Assertions.Expect(instalment).ToContainTextAsync("à la signature");
        await Assertions.Expect(instalment).ToContainTextAsync("à venir");
        await Assertions.Expect(instalment.Locator("td").Last).ToHaveTextAsync("attendu");

        host.Time.SetUtcNow(Paris(2022, 6, 20));
        await RunActionAsync(page, "RecordTransmission", new() { ["#transmission-sentOn"] = "2022-06-20" }, "AcknowledgeReceipt");
        host.Time.SetUtcNow(Paris(2022, 6, 22));
        await RunActionAsync(page, "AcknowledgeReceipt", new() { ["#acknowledgment-actesId"] = "025-242500361-20220609-2022B0612-DE", ["#acknowledgment-receivedOn"] = "2022-06-21" }, "SignConvention");
        host.Time.SetUtcNow(Paris(2022, 6, 29));
        await RunActionAsync(page, "SignConvention", new() { ["#signature-authoritySignedOn"] = "2022-06-28", ["#signature-beneficiarySignedOn"] = "2022-06-29" }, null);

        host.Time.SetUtcNow(Paris(2022, 6, 30));
        await SignInAsync(page, "CaseOfficer", "Claire Martin", dossierUrl);
        await RunActionAsync(page, "Notify", new() { ["#notification-notifiedOn"] = "2022-06-30" }, null);

        var deadlines = page.GetByTestId("timeline-deadlines");
        await Assertions.Expect(deadlines).ToContainTextAsync("30/08/2022");
        // Due from the later signature, 29 June 2022.
        await Assertions.Expect(page.GetByTestId("instalment").Locator("td").Nth(3)).ToHaveTextAsync("29/06/2022");
        await Assertions.Expect(page.GetByTestId("instalment").Locator("td").Last).ToHaveTextAsync("dû");
        await Assertions.Expect(page.GetByTestId("timeline-svg")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "03-dossier-notified");
    }

    [Fact]
    public async Task A_field_error_is_shown_beside_its_field()
    {
        var page = await browser.NewPageAsync(host.BaseAddress);
        await SignInAsync(page, "CaseOfficer", "Claire Martin", "/nouveau.html");

        await page.ClickAsync("#fill-example");
        await page.FillAsync("#beneficiary-siret", "44012340400013");
        await page.ClickAsync("#submit-request");

        var error = page.Locator("#beneficiary-siret-erreur");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync("SIRET");
        Assert.Contains("beneficiary-siret-erreur", await page.GetAttributeAsync("#beneficiary-siret", "aria-describedby") ?? "");

        await page.FillAsync("#beneficiary-siret", "44012340400012");
        await page.FillAsync("#receivedOn", "2022-06-01");
        await page.ClickAsync("#submit-request");
        var serverError = page.Locator("#receivedOn-erreur");
        await Assertions.Expect(serverError).ToContainTextAsync("futur");
        await Browser.ScreenshotAsync(page, "04-field-errors");
    }

    private static async Task SignInAsync(IPage page, string role, string name, string back)
    {
        await page.GotoAsync($"/connexion.html?retour={Uri.EscapeDataString(back)}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#signin-name", name);
        await page.SelectOptionAsync("#signin-role", role);
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => url.Contains(back.Split('?')[0], StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync(name);
    }

    private static async Task RunActionAsync(IPage page, string command, Dictionary<string, string> fields, string? next)
    {
        await page.ClickAsync($"[data-testid=action-{command}] summary");
        foreach (var (selector, value) in fields)
        {
            await page.FillAsync(selector, value);
        }

        await page.ClickAsync($"[data-testid=submit-{command}]");
        await Assertions.Expect(page.GetByTestId($"submit-{command}")).ToHaveCountAsync(0);
        if (next is not null)
        {
            await Assertions.Expect(page.GetByTestId($"action-{next}")).ToBeVisibleAsync();
        }
    }

    private static byte[] SamplePdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static DateTimeOffset Paris(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime();
}
