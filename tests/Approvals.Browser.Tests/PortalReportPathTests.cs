using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Mail;
using Approvals.Testing;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// The beneficiary's whole path in Chromium after the application: from the e-mailed link, the request submitted with
/// its documents, the acknowledgment (mail in the pickup folder, PDF), the agents take it to notification through the
/// API, the payment request and the final report on the portal, and the agent sees the report arrive. axe-core checks
/// each portal page on the way (index, dossier, compte-rendu with and without errors).
/// </summary>
public sealed partial class PortalTests
{
    [Fact]
    public async Task A_beneficiary_files_the_payment_request_and_the_final_report_and_the_agent_sees_the_report()
    {
        var finance = await host.SignInAsync(Role.Finance, "Paul Trésor");
        (await finance.PutAsJsonAsync("/api/budget-lines/2022/65-025-6574", new { label = "Subventions aux associations", voted = 510_000 })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(host.BaseAddress);
        await SignInFromMailAsync(page);
        var id = await ApplyWithDocumentsAsync(page);

        var acknowledgment = await MailAsync(m => m.Subject.Contains("Accusé de réception", StringComparison.Ordinal));
        Assert.Equal([Address], acknowledgment.To);
        var pdf = await page.APIRequest.GetAsync($"/api/portal/dossiers/{id}/acknowledgment");
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));

        await WalkToNotificationAsync(id);
        host.Time.SetUtcNow(new DateTimeOffset(2022, 7, 15, 10, 0, 0, TimeSpan.FromHours(2)));
        await SignInAgainAsync(page);
        await page.GotoAsync($"/portail/dossier.html?id={id}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.GetByTestId("report-due")).ToHaveTextAsync("30/06/2023");
        await Assertions.Expect(page.GetByTestId("report-status")).ToContainTextAsync("après votre demande de paiement");
        await page.FillAsync("#payment-amount", "9 000");
        await page.ClickAsync("#payment-submit");
        await Assertions.Expect(page.GetByTestId("portal-stage")).ToHaveTextAsync("Paiement demandé");
        await Axe.AssertNoViolationsAsync(page, "dossier.html (payment requested)");

        host.Time.SetUtcNow(new DateTimeOffset(2023, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));
        await SignInAgainAsync(page);
        await page.GotoAsync($"/portail/dossier.html?id={id}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.ClickAsync("#report-link");
        await page.WaitForURLAsync(url => url.Contains("/portail/compte-rendu.html", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#charges-1-planned")).ToHaveValueAsync("10000");
        await Axe.AssertNoViolationsAsync(page, "compte-rendu.html");

        // Realised: 4 800 + 10 000 of charges against 9 000 + 6 000 of products: unbalanced, no indicator, not certified.
        await page.FillAsync("#charges-0-realised", "4 800");
        await page.FillAsync("#charges-1-realised", "10 000");
        await page.FillAsync("#products-0-realised", "9 000");
        await page.FillAsync("#products-1-realised", "6 000");
        await page.SelectOptionAsync("#products-1-account", "75");
        await page.FillAsync("#summary", "Trois actions menées avec les lycées du territoire.");
        await page.ClickAsync("#report-submit");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("doit égaler le total des produits réalisés");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("certifier exactes");
        await Axe.AssertNoViolationsAsync(page, "compte-rendu.html with errors");

        await page.FillAsync("#products-1-realised", "5 800");
        await page.FillAsync("#indicator-0", "120 personnes");
        await page.FillAsync("#indicator-1", "3 actions");
        await page.FillAsync("#signatory", "Marie Durand");
        await page.CheckAsync("#certified");
        await page.SetInputFilesAsync("#report-document-file", new FilePayload { Name = "compte-rendu.pdf", MimeType = "application/pdf", Buffer = SamplePdf(64 * 1024) });
        await page.ClickAsync("#report-upload-button");
        await Assertions.Expect(page.GetByTestId("report-upload-status")).ToContainTextAsync("compte-rendu.pdf");
        await page.ClickAsync("#report-submit");

        await page.WaitForURLAsync(url => url.Contains("compte-rendu=1", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("report-status")).ToContainTextAsync("reçu le 20 janvier 2023");
        await Assertions.Expect(page.GetByTestId("portal-stage")).ToHaveTextAsync("Compte rendu reçu, en cours d'examen");
        await Axe.AssertNoViolationsAsync(page, "dossier.html (report received)");
        await Browser.ScreenshotAsync(page, "portal-03-report-received");

        var agent = await browser.NewPageAsync(host.BaseAddress);
        await agent.GotoAsync($"/connexion.html?retour=%2Fdossier.html%3Fid%3D{id}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await agent.FillAsync("#signin-name", "Claire Martin");
        await agent.SelectOptionAsync("#signin-role", "CaseOfficer");
        await agent.ClickAsync("#signin-submit");
        await agent.WaitForURLAsync(url => url.Contains("/dossier.html", StringComparison.Ordinal));
        await Assertions.Expect(agent.Locator("main")).ToContainTextAsync("déposé sur le portail");
    }

    /// <summary>A new link once the session has ended, told from the digests the moved clock sent by its subject.</summary>
    private async Task SignInAgainAsync(IPage page)
    {
        var before = host.Service<PickupMailbox>().List(1000).Select(m => m.Id).ToHashSet();
        await page.GotoAsync("/portail/index.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#email", Address);
        await page.ClickAsync("#link-submit");
        await Assertions.Expect(page.GetByTestId("link-status")).ToContainTextAsync("Si cette adresse est valide");
        var mail = Assert.Single(host.Service<PickupMailbox>().List(1000),
            m => !before.Contains(m.Id) && m.Subject.Contains("connexion", StringComparison.Ordinal));
        // The link's page replaces itself, maybe before its own load: awaited until the answer, then the home page's load.
        await page.GotoAsync(LinkIn(mail), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(url => url.EndsWith("/portail/index.html", StringComparison.Ordinal));
    }

    /// <summary>The application through the form's API with the page's own session, then three documents through the page.</summary>
    private async Task<string> ApplyWithDocumentsAsync(IPage page)
    {
        // The shared form with this path's own budget (15 000 €), which the report page's planned lines come from.
        var application = PortalRequestForm.Valid();
        application["expenses"] = new JsonArray(new JsonObject { ["label"] = "Achats", ["amount"] = 5000 }, new JsonObject { ["label"] = "Charges de personnel", ["amount"] = 10000 });
        application["revenues"] = new JsonArray(
            new JsonObject { ["funder"] = "Grand Besançon Métropole", ["amount"] = 9000, ["fromThisAuthority"] = true },
            new JsonObject { ["funder"] = "Ressources propres", ["amount"] = 6000, ["fromThisAuthority"] = false });
        var submitted = await page.APIRequest.PostAsync("/api/portal/requests", new()
        {
            DataString = application.ToJsonString(),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Approvals-Request"] = "1" },
        });
        Assert.True(submitted.Ok, await submitted.TextAsync());
        var id = JsonNode.Parse(await submitted.TextAsync())!["dossierId"]!.GetValue<string>();

        await page.GotoAsync($"/portail/dossier.html?id={id}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        foreach (var (kind, name) in new[] { ("Statutes", "statuts.pdf"), ("BankDetails", "rib.pdf"), ("ApprovedAccounts", "comptes.pdf") })
        {
            await page.SelectOptionAsync("#document-kind", kind);
            await page.SetInputFilesAsync("#document-file", new FilePayload { Name = name, MimeType = "application/pdf", Buffer = SamplePdf(256 * 1024) });
            await page.ClickAsync("#upload-button");
            await Assertions.Expect(page.GetByTestId("portal-documents")).ToContainTextAsync(name);
        }

        return id;
    }

    /// <summary>The agents take the request to notification through the API, with the seed's commands and dates.</summary>
    private async Task WalkToNotificationAsync(string id)
    {
        var commands = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "Demo", "seed-004.json")))!
            ["dossiers"]![0]!["commands"]!.AsArray().Select(c => c!["command"]!.AsObject()).ToList();
        var secretariat = await host.SignInAsync(Role.Secretariat, "Yves Guyen");
        var officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        foreach (var (day, client, segment, type) in new[]
                 {
                     (10, secretariat, "vote", "RecordVote"), (20, secretariat, "transmission", "RecordTransmission"),
                     (22, secretariat, "acknowledgment", "AcknowledgeReceipt"), (29, officer, "signature", "SignConvention"),
                     (30, officer, "notification", "Notify"),
                 })
        {
            host.Time.SetUtcNow(new DateTimeOffset(2022, 6, day, 10, 0, 0, TimeSpan.FromHours(2)));
            var command = commands.First(c => (string?)c["$type"] == type).DeepClone().AsObject();
            command.Remove("$type");
            command.Remove("availableCredits");
            using var content = new StringContent(command.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            var response = await client.PostAsync($"/api/dossiers/{id}/{segment}", content);
            Assert.True(response.IsSuccessStatusCode, $"{segment}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
