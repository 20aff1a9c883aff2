using System.Text.RegularExpressions;
using Approvals.Mail;
using Approvals.Testing;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// A request for documents in Chromium: the case officer asks from the agents' inbox, the applicant opens the e-mail's
/// link (read from the development pickup folder), uploads the document asked for and answers, and the officer sees the
/// documents received. axe-core checks the pages the request changes.
/// </summary>
public sealed partial class PortalTests
{
    [Fact]
    public async Task An_officer_asks_for_a_document_and_the_applicant_sends_it_from_the_emailed_link()
    {
        var beneficiary = await browser.NewPageAsync(host.BaseAddress);
        await SignInFromMailAsync(beneficiary);
        var submitted = await beneficiary.APIRequest.PostAsync("/api/portal/requests", new()
        {
            DataObject = PortalRequestForm.Valid(),
            Headers = new Dictionary<string, string> { ["X-Approvals-Request"] = "1" },
        });
        Assert.Equal(201, submitted.Status);

        var agent = await ArrivalsAsCaseOfficerAsync();
        await agent.Locator("[data-testid=inbox-request] summary").ClickAsync();
        await agent.CheckAsync("#request-SUB-2022-0001-BankDetails");
        await agent.FillAsync("#request-SUB-2022-0001-message", "Merci de joindre un RIB au nom de l'association.");
        await Axe.AssertNoViolationsAsync(agent, "arrivees.html (request for documents)");
        await agent.ClickAsync("[data-testid=inbox-request-submit]");
        await Assertions.Expect(agent.GetByTestId("inbox-status")).ToContainTextAsync("pièces demandées");

        var mail = await MailAsync(m => m.Subject.Contains("Pièces à fournir", StringComparison.Ordinal));
        Assert.Equal([Address], mail.To);
        Assert.Contains("Merci de joindre un RIB au nom de l'association.", mail.Text);
        await beneficiary.GotoAsync(DossierLink().Match(mail.Text).Value);
        var request = beneficiary.GetByTestId("portal-documents-request");
        await Assertions.Expect(request).ToContainTextAsync("le relevé d'identité bancaire (RIB)");
        await Assertions.Expect(beneficiary.GetByTestId("portal-silence")).ToContainTextAsync("suspendu");
        await Axe.AssertNoViolationsAsync(beneficiary, "portail/dossier.html (documents requested)");

        await beneficiary.SelectOptionAsync("#document-kind", "BankDetails");
        await beneficiary.SetInputFilesAsync("#document-file", new FilePayload { Name = "rib.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%RIB\n"u8.ToArray() });
        await beneficiary.ClickAsync("#upload-button");
        await Assertions.Expect(beneficiary.GetByTestId("portal-documents-request-missing")).ToContainTextAsync("Toutes les pièces demandées sont déposées");
        await beneficiary.FillAsync("#answer-message", "Voici le RIB.");
        await beneficiary.ClickAsync("#answer-submit");
        await Assertions.Expect(beneficiary.GetByTestId("portal-steps")).ToContainTextAsync("Pièces demandées reçues");
        await Assertions.Expect(beneficiary.GetByTestId("portal-documents-request")).ToHaveCountAsync(0);
        await Assertions.Expect(beneficiary.GetByTestId("portal-silence")).ToContainTextAsync("réputée rejetée le");
        await Axe.AssertNoViolationsAsync(beneficiary, "portail/dossier.html (documents sent)");
        await Browser.ScreenshotAsync(beneficiary, "portal-03-documents-sent");

        await agent.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(agent.GetByTestId("inbox-status")).ToContainTextAsync("pièces reçues");
    }

    /// <summary>The newest mail of the pickup folder that matches, waited for: the outbox sends it after the command.</summary>
    private async Task<PickedUpMail> MailAsync(Func<PickedUpMail, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (host.Service<PickupMailbox>().List(1000).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No such mail in the pickup folder.");
    }

    [GeneratedRegex(@"https?://\S+/portail/dossier\.html\?id=[A-Z0-9-]+")]
    private static partial Regex DossierLink();
}
