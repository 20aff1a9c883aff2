using System.Net;
using System.Net.Http.Json;
using Approvals.Application;
using Approvals.Testing;
using UglyToad.PdfPig;

namespace Approvals.Server.Tests;

/// <summary>
/// A request through the portal: the draft, the submission through the agents' decider, the acknowledgment (e-mail and
/// PDF) with the mentions of CRPA art. R112-11-1, another address kept out, and the agents' inbox.
/// </summary>
public sealed class PortalRequestTests : IAsyncLifetime
{
    private const string Address = "presidence@cmq-msi.example.fr";

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenASignedInBeneficiary_WhenTheRequestIsSubmitted_ThenTheDossierIsSubmittedThroughTheDeciderAndAcknowledged()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var mails = host.Mail.Requests.Count;

        var submitted = await beneficiary.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid());

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var body = await submitted.JsonAsync();
        var id = body.GetProperty("dossierId").GetString()!;
        Assert.Equal("SUB-2022-0001", id);
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var dossier = await (await officer.GetAsync($"/api/dossiers/{id}")).JsonAsync();
        Assert.Equal("Submitted", dossier.GetProperty("stage").GetString());
        Assert.Contains($"{Address} (Beneficiary via portal)", dossier.GetRawText());

        var mail = (await host.Mail.WaitForRequestsAsync(mails + 1, TimeSpan.FromSeconds(10))).Single(m => m.Subject!.Contains("Accusé de réception"));
        Assert.Equal([Address], mail.To);
        // R112-11-1: the date of receipt, the service and its contact, the effect of silence with its date, the remedies.
        Assert.Contains("mardi 3 mai 2022", mail.Text);
        Assert.Contains("Service des subventions aux associations", mail.Text);
        Assert.Contains("03 81 65 07 00", mail.Text);
        Assert.Contains("vaut décision de rejet", mail.Text);
        Assert.Contains("tribunal administratif de Besançon", mail.Text);
        // Submitted without its documents: L114-5, the missing documents and the period running from their receipt.
        Assert.Contains("les statuts de l'association", mail.Text);
        Assert.Contains("ne court qu'à compter de la réception des pièces manquantes", mail.Text);

        var pdf = await beneficiary.GetAsync(body.GetProperty("acknowledgment").GetString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Replace('\u00A0', ' ');
        Assert.Contains("3 mai 2022", text);
        Assert.Contains("R112-11-1", text);
        Assert.Contains("subventions@collectivite.example.fr", text);
        Assert.Contains("L231-4", text);
        Assert.Contains("R421-1", text);
    }

    [Fact]
    public async Task GivenACompleteRequest_WhenItsDocumentsAreUploadedBeforeTheCheck_ThenTheInboxShowsItAndTheOfficerChecksItComplete()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var id = (await (await beneficiary.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).JsonAsync()).GetProperty("dossierId").GetString()!;
        var officer = await host.SignInAsync(Role.CaseOfficer);

        var inbox = await (await officer.GetAsync("/api/portal-inbox")).JsonAsync();
        Assert.Equal("à vérifier", inbox[0].GetProperty("status").GetString());
        Assert.Equal(4, inbox[0].GetProperty("missingDocuments").GetArrayLength());
        var early = await officer.PostAsJsonAsync($"/api/portal-inbox/{id}/check", new { outcome = "Complete" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("le relevé d'identité bancaire (RIB)", (await early.JsonAsync()).GetProperty("detail").GetString());

        var wrongKind = await PortalApi.UploadAsync(beneficiary, $"/api/portal/dossiers/{id}/documents", "Deliberation", "x.pdf");
        Assert.True(wrongKind.StatusCode == HttpStatusCode.UnprocessableEntity, await wrongKind.Content.ReadAsStringAsync());
        foreach (var kind in new[] { "Statutes", "BankDetails", "ApprovedAccounts", "ActivityReport" })
        {
            Assert.Equal(HttpStatusCode.Created, (await PortalApi.UploadAsync(beneficiary, $"/api/portal/dossiers/{id}/documents", kind, $"{kind}.pdf")).StatusCode);
        }

        var checkedComplete = await officer.PostAsJsonAsync($"/api/portal-inbox/{id}/check", new { outcome = "Complete", note = "Pièces vérifiées." });
        Assert.Equal(HttpStatusCode.OK, checkedComplete.StatusCode);
        inbox = await (await officer.GetAsync("/api/portal-inbox")).JsonAsync();
        Assert.Equal("complète", inbox[0].GetProperty("status").GetString());
        Assert.Equal("Claire Martin", inbox[0].GetProperty("check").GetProperty("by").GetString());
        var view = await (await beneficiary.GetAsync($"/api/portal/dossiers/{id}")).JsonAsync();
        Assert.Equal(0, view.GetProperty("missingDocuments").GetArrayLength());
        Assert.Equal(4, view.GetProperty("documents").GetArrayLength());
        var reader = await host.SignInAsync(Role.Reader);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/portal-inbox/{id}/check", new { outcome = "Complete" })).StatusCode);
    }

    [Fact]
    public async Task GivenAnotherAddressesDossier_WhenABeneficiaryReadsWritesOrDownloadsIt_ThenItAnswers404AsForNoDossier()
    {
        var owner = await PortalApi.SignInAsync(host, Address);
        var id = (await (await owner.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).JsonAsync()).GetProperty("dossierId").GetString()!;
        var other = await PortalApi.SignInAsync(host, "tresorier@autre-asso.example.fr");

        foreach (var url in new[] { $"/api/portal/dossiers/{id}", $"/api/portal/dossiers/{id}/acknowledgment", "/api/portal/dossiers/SUB-2022-0999" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await PortalApi.UploadAsync(other, $"/api/portal/dossiers/{id}/documents", "Statutes", "statuts.pdf")).StatusCode);
        Assert.Equal("[]", await (await other.GetAsync("/api/portal/dossiers")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync($"/api/portal/dossiers/{id}")).StatusCode);
        // The agents' session is not the portal's.
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await host.SignInAsync(Role.CaseOfficer)).GetAsync($"/api/portal/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/portal/dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task GivenADraft_WhenTheBeneficiarySignsInAgainFromAnotherDevice_ThenTheDraftIsThereAndOnlyForThatAddress()
    {
        var first = await PortalApi.SignInAsync(host, Address);
        Assert.Equal(HttpStatusCode.NoContent, (await first.PutAsJsonAsync("/api/portal/draft", new { name = "CMQ MSI", amountRequested = "9000" })).StatusCode);

        var second = await PortalApi.SignInAsync(host, Address.ToUpperInvariant());
        var draft = await (await second.GetAsync("/api/portal/draft")).JsonAsync();

        Assert.Equal("CMQ MSI", draft.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await (await PortalApi.SignInAsync(host, "autre@asso.example.fr")).GetAsync("/api/portal/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await second.PutAsJsonAsync("/api/portal/draft", new[] { 1, 2 })).StatusCode);
    }

    [Fact]
    public async Task GivenASubmissionRetriedUnderItsKey_WhenSentTwice_ThenOneDossierOneAcknowledgmentAndTheSameAnswer()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var mails = host.Mail.Requests.Count;

        var first = await beneficiary.PostJsonAsync("/api/portal/requests", PortalRequestForm.Valid(), idempotencyKey: "form-1");
        var retry = await beneficiary.PostJsonAsync("/api/portal/requests", PortalRequestForm.Valid(), idempotencyKey: "form-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single((await (await beneficiary.GetAsync("/api/portal/dossiers")).JsonAsync()).EnumerateArray());
        // The acknowledgment leaves through the creation's outbox: once, however often the creation is retried.
        await host.Mail.WaitForRequestsAsync(mails + 1, TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        Assert.Single(host.Mail.Requests.Skip(mails), m => m.Subject!.Contains("Accusé de réception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenTheOpenApiDocument_WhenRead_ThenItListsEveryPortalRoute()
    {
        var document = await host.Anonymous().GetStringAsync("/openapi/v1.json");

        foreach (var route in new[] { "/api/portal/sign-in", "/api/portal/session", "/api/portal/me", "/api/portal/draft", "/api/portal/requests",
                     "/api/portal/dossiers", "/api/portal/dossiers/{id}", "/api/portal/dossiers/{id}/documents", "/api/portal/dossiers/{id}/acknowledgment",
                     "/api/portal/dossiers/{id}/documents-answer", "/api/dossiers/{id}/documents-request",
                     "/api/portal-inbox", "/api/portal-inbox/{id}/check" })
        {
            Assert.Contains($"\"{route}\"", document);
        }
    }

    [Fact]
    public async Task GivenABadSiretAndNoSwornStatement_WhenSubmitted_ThenEveryFieldIsNamedAndNothingIsCreated()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var application = PortalRequestForm.Valid();
        application["siret"] = "00000001800011";
        application["swornStatement"] = false;
        application["amountRequested"] = 8000m;

        var refused = await beneficiary.PostAsJsonAsync("/api/portal/requests", application);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var fields = (await refused.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("swornStatement", fields);
        Assert.Contains("beneficiary.siret", fields);
        Assert.Contains(fields, f => f!.StartsWith("budget", StringComparison.Ordinal) || f == "amountRequested");
        Assert.Equal("[]", await (await beneficiary.GetAsync("/api/portal/dossiers")).Content.ReadAsStringAsync());
    }
}
