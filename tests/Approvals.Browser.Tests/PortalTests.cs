using System.Text.RegularExpressions;
using Approvals.Mail;
using Approvals.Testing;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// A beneficiary's path in Chromium, mail read from the development pickup folder: the link, the form saved as a
/// draft and resumed from another device through a new link, the submission, the acknowledgment (e-mail and PDF), a
/// document uploaded with its progress, and the request in the agents' inbox. axe-core checks every page.
/// </summary>
public sealed partial class PortalTests : IAsyncLifetime
{
    private const string Address = "presidence@cmq-msi.example.fr";

    private readonly string pickup = Path.Combine(Path.GetTempPath(), $"approvals-portal-{Guid.NewGuid():N}");
    private ApprovalsServerHost host = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(
            new DateTimeOffset(2022, 5, 3, 10, 0, 0, TimeSpan.FromHours(2)),
            new Dictionary<string, string?> { ["Mail:SendGridApiKey"] = "", ["Mail:PickupFolder"] = pickup });
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
        if (Directory.Exists(pickup))
        {
            Directory.Delete(pickup, recursive: true);
        }
    }

    [Fact]
    public async Task A_beneficiary_applies_from_the_emailed_link_and_the_request_reaches_the_agents_inbox()
    {
        var page = await browser.NewPageAsync(host.BaseAddress);
        await SignInFromMailAsync(page);

        await page.ClickAsync("#new-request");
        await page.WaitForURLAsync(url => url.Contains("/portail/demande.html", StringComparison.Ordinal));
        await Axe.AssertNoViolationsAsync(page, "demande.html");
        await page.FillAsync("#name", "CMQ MSI");
        await page.FillAsync("#siret", "00000001800010");
        await page.FillAsync("#rna", "W000000018");
        await page.FillAsync("#representative", "Marie Durand");
        await page.FillAsync("#object", "Programme d'actions 2022-2023 du campus des métiers");
        await Assertions.Expect(page.GetByTestId("draft-status")).ToContainTextAsync("Brouillon enregistré");

        // Another device: a new link, the draft is there.
        var other = await browser.NewPageAsync(host.BaseAddress);
        await SignInFromMailAsync(other);
        await other.GotoAsync("/portail/demande.html");
        await Assertions.Expect(other.Locator("#name")).ToHaveValueAsync("CMQ MSI");
        await Assertions.Expect(other.Locator("#representative")).ToHaveValueAsync("Marie Durand");

        await other.FillAsync("#actionsStart", "2022-09-01");
        await other.FillAsync("#actionsEnd", "2023-06-30");
        await other.FillAsync("#expense-0-label", "Achats");
        await other.FillAsync("#expense-0-amount", "5 000");
        await other.ClickAsync("#add-expense");
        await other.FillAsync("#expense-1-label", "Charges de personnel");
        await other.FillAsync("#expense-1-amount", "10 000,00");
        await other.FillAsync("#revenue-0-funder", "Grand Besançon Métropole");
        await other.FillAsync("#revenue-0-amount", "9 000");
        await other.ClickAsync("#add-revenue");
        await other.FillAsync("#revenue-1-funder", "Ressources propres");
        await other.FillAsync("#revenue-1-amount", "6 000");
        await other.FillAsync("#amountRequested", "9 000");
        await Assertions.Expect(other.GetByTestId("budget-totals")).ToContainTextAsync("budget équilibré");
        await other.CheckAsync("#republicanCommitment");

        // Without the sworn statement the server names the field, beside it.
        await other.ClickAsync("#submit-request");
        await Assertions.Expect(other.Locator("#error-summary")).ToContainTextAsync("déclaration sur l'honneur");
        await Axe.AssertNoViolationsAsync(other, "demande.html with errors");
        await other.CheckAsync("#swornStatement");
        await other.ClickAsync("#submit-request");

        await other.WaitForURLAsync(url => url.Contains("/portail/dossier.html?id=SUB-2022-0001", StringComparison.Ordinal));
        await Assertions.Expect(other.Locator("#depose")).ToContainTextAsync("SUB-2022-0001 a bien été reçue");
        await Assertions.Expect(other.GetByTestId("portal-stage")).ToHaveTextAsync("Demande reçue, en cours d'instruction");
        await Assertions.Expect(other.GetByTestId("portal-missing")).ToContainTextAsync("les statuts de l'association");
        await Axe.AssertNoViolationsAsync(other, "dossier.html");
        await Browser.ScreenshotAsync(other, "portal-01-submitted");

        var acknowledgment = await MailAsync(m => m.Subject.Contains("Accusé de réception", StringComparison.Ordinal));
        Assert.Equal([Address], acknowledgment.To);
        Assert.Contains("mardi 3 mai 2022", acknowledgment.Text);
        Assert.Contains("vaut décision de rejet", acknowledgment.Text);
        var pdf = await other.APIRequest.GetAsync("/api/portal/dossiers/SUB-2022-0001/acknowledgment");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));

        await other.SelectOptionAsync("#document-kind", "Statutes");
        await other.SetInputFilesAsync("#document-file", new FilePayload { Name = "statuts.pdf", MimeType = "application/pdf", Buffer = SamplePdf(2 * 1024 * 1024) });
        await other.ClickAsync("#upload-button");
        await Assertions.Expect(other.GetByTestId("upload-percent")).ToHaveTextAsync("100 %", new() { Timeout = 30_000 });
        await Assertions.Expect(other.GetByTestId("portal-documents")).ToContainTextAsync("statuts.pdf");
        await Assertions.Expect(other.GetByTestId("portal-missing")).Not.ToContainTextAsync("statuts");

        var agent = await ArrivalsAsCaseOfficerAsync();
        var row = agent.GetByTestId("inbox-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("SUB-2022-0001");
        await Assertions.Expect(row).ToContainTextAsync("le relevé d'identité bancaire (RIB)");
        await Assertions.Expect(agent.GetByTestId("inbox-status")).ToHaveTextAsync("à vérifier");
        await Axe.AssertNoViolationsAsync(agent, "arrivees.html");
        await agent.SelectOptionAsync("#check-SUB-2022-0001-outcome", "DocumentsMissing");
        await agent.FillAsync("#check-SUB-2022-0001-note", "RIB et comptes à joindre.");
        await agent.ClickAsync("[data-testid=inbox-check]");
        await Assertions.Expect(agent.GetByTestId("inbox-status")).ToContainTextAsync("pièces manquantes");
        await Browser.ScreenshotAsync(agent, "portal-02-inbox");
    }

    [Fact]
    public async Task A_link_used_twice_is_refused_in_words_on_an_accessible_page()
    {
        var page = await browser.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/portail/index.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#email", Address);
        await page.ClickAsync("#link-submit");
        await Assertions.Expect(page.GetByTestId("link-status")).ToContainTextAsync("Si cette adresse est valide");
        var link = LinkIn(await MailAsync(m => m.Subject.Contains("connexion", StringComparison.Ordinal)));

        await page.GotoAsync(link, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(url => url.EndsWith("/portail/index.html", StringComparison.Ordinal));
        var second = await browser.NewPageAsync(host.BaseAddress);
        await second.GotoAsync(link);

        await Assertions.Expect(second.GetByTestId("connexion-status")).ToContainTextAsync("déjà servi");
        Assert.DoesNotContain("jeton", second.Url, StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(second, "connexion.html");
    }

    private async Task SignInFromMailAsync(IPage page)
    {
        var before = host.Service<PickupMailbox>().List(1000).Select(m => m.Id).ToHashSet();
        await page.GotoAsync("/portail/index.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Axe.AssertNoViolationsAsync(page, "index.html (sign-in)");
        await page.FillAsync("#email", Address);
        await page.ClickAsync("#link-submit");
        await Assertions.Expect(page.GetByTestId("link-status")).ToContainTextAsync("Si cette adresse est valide");
        // The fake clock stands still, so the new mail is told from the others by its file, not by its date.
        var mail = Assert.Single(host.Service<PickupMailbox>().List(1000), m => !before.Contains(m.Id));
        Assert.Equal([Address], mail.To);

        // The link's page signs in and then replaces itself with the portal's home page, which may be before its own
        // load event: so the navigation is awaited only until the answer arrives, and the load on the home page's URL.
        await page.GotoAsync(LinkIn(mail), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(url => url.EndsWith("/portail/index.html", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("portal-email")).ToHaveTextAsync(Address);
        await Axe.AssertNoViolationsAsync(page, "index.html (signed in)");
    }

    /// <summary>A case officer signed in with the development sign-in, on the arrivals page.</summary>
    private async Task<IPage> ArrivalsAsCaseOfficerAsync()
    {
        var agent = await browser.NewPageAsync(host.BaseAddress);
        await agent.GotoAsync("/connexion.html?retour=%2Farrivees.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await agent.FillAsync("#signin-name", "Claire Martin");
        await agent.SelectOptionAsync("#signin-role", "CaseOfficer");
        await agent.ClickAsync("#signin-submit");
        await agent.WaitForURLAsync(url => url.Contains("/arrivees.html", StringComparison.Ordinal));
        return agent;
    }

    private static string LinkIn(PickedUpMail mail) => Link().Match(mail.Text).Value;

    private static byte[] SamplePdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    [GeneratedRegex(@"https?://\S+#jeton=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
