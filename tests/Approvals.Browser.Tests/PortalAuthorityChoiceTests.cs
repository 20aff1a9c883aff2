using Approvals.Application;
using Approvals.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// The choice of authority on the request form, in Chromium: hidden while the portal offers one authority, a French
/// select once a second one has its portal settings; the request then goes to, and is acknowledged by, the one chosen.
/// </summary>
public sealed partial class PortalTests
{
    [Fact]
    public async Task With_a_second_authority_on_the_portal_the_beneficiary_chooses_it_and_the_request_is_numbered_and_acknowledged_by_it()
    {
        var page = await browser.NewPageAsync(host.BaseAddress);
        await SignInFromMailAsync(page);
        // The typed form, kept as a draft: the page fills itself from it, as when a request is resumed.
        var saved = await page.APIRequest.PutAsync("/api/portal/draft", new()
        {
            DataObject = PortalRequestForm.Valid(),
            Headers = new Dictionary<string, string> { ["X-Approvals-Request"] = "1" },
        });
        Assert.True(saved.Ok, await saved.TextAsync());

        await page.GotoAsync("/portail/demande.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#name")).ToHaveValueAsync("CMQ MSI");
        await Assertions.Expect(page.Locator("#authority-choice")).ToBeHiddenAsync();

        await host.Services.GetRequiredService<AuthorityDirectory>().SaveAsync(
            new GrantingAuthority("pma", "Pays de Montbéliard Agglomération", "20000000000000")
            {
                Portal = new AuthorityPortal(
                    new PortalService("Service de la vie associative", "8 avenue des Alliés, 25200 Montbéliard", "vie-associative@agglo-montbeliard.example.fr", "03 81 31 88 88", "tribunal administratif de Besançon"),
                    "instruction@agglo-montbeliard.example.fr", "65-024-6574", "Subventions aux associations (portail)"),
            },
            CancellationToken.None);
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });

        var choice = page.GetByLabel("Collectivité à laquelle vous adressez la demande");
        await Assertions.Expect(choice).ToBeVisibleAsync();
        Assert.Equal(
            [host.Services.GetRequiredService<AuthorityDirectory>().First.Name, "Pays de Montbéliard Agglomération"],
            await choice.Locator("option").AllTextContentsAsync());
        await Axe.AssertNoViolationsAsync(page, "demande.html (two authorities)");
        await choice.SelectOptionAsync("pma");
        await page.ClickAsync("#submit-request");

        await page.WaitForURLAsync(url => url.Contains("/portail/dossier.html?id=PMA-SUB-2022-0001", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#depose")).ToContainTextAsync("PMA-SUB-2022-0001 a bien été reçue");
        var acknowledgment = await MailAsync(m => m.Subject.Contains("Accusé de réception", StringComparison.Ordinal));
        Assert.Equal([Address], acknowledgment.To);
        Assert.Contains("auprès de Pays de Montbéliard Agglomération", acknowledgment.Text, StringComparison.Ordinal);
        Assert.Contains("vie-associative@agglo-montbeliard.example.fr", acknowledgment.Text, StringComparison.Ordinal);
        Assert.Contains("pour Pays de Montbéliard Agglomération — ne pas répondre", acknowledgment.Text, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "portal-authority-chosen");
    }
}
