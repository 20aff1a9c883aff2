using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Api;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>
/// A case officer asks a portal applicant for documents; the applicant is e-mailed (through the outbox), uploads them on
/// the portal and answers; both are in the register with who and when, and the silence's period waits for the answer
/// (CRPA L114-5). Also: the acknowledgment through the outbox survives SendGrid failing, and the beneficiary's reminders.
/// </summary>
public sealed class PortalDocumentsRequestTests : IAsyncLifetime
{
    private const string Address = "presidence@cmq-msi.example.fr";

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3), new Dictionary<string, string?>
    {
        ["Portal:BudgetLineCode"] = "65-23-6574",
        // One attempt per dispatch: the mailer's own retries wait on the fake clock.
        ["Mail:MaxAttempts"] = "1",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAPortalRequest_WhenTheOfficerAsksForDocumentsAndTheApplicantAnswers_ThenBothAreRegisteredMailedAndTheSilencePeriodRunsFromTheAnswer()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var id = await SubmitAsync(beneficiary);
        var officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        var view = await (await beneficiary.GetAsync($"/api/portal/dossiers/{id}")).JsonAsync();
        Assert.Equal("2022-07-03", view.GetProperty("implicitRejectionDay").GetString());

        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 5, 10));
        officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        var mails = host.Mail.Requests.Count;
        var asked = await officer.PostAsJsonAsync($"/api/dossiers/{id}/documents-request",
            new { documents = new[] { "BankDetails", "Budget" }, message = "Merci de joindre le RIB et le budget signé." });
        Assert.True(asked.StatusCode == HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());

        var mail = await MailAsync(mails, m => m.Subject!.Contains("Pièces à fournir", StringComparison.Ordinal));
        Assert.Equal([Address], mail.To);
        Assert.Contains("le relevé d'identité bancaire (RIB), le budget prévisionnel", mail.Text);
        Assert.Contains("Merci de joindre le RIB et le budget signé.", mail.Text);
        Assert.Contains("L114-5", mail.Text);
        Assert.Contains($"{host.BaseAddress.GetLeftPart(UriPartial.Authority)}/portail/dossier.html?id={id}", mail.Text);

        // A portal session lasts eight hours: a week later, a new link.
        beneficiary = await PortalApi.SignInAsync(host, Address);
        view = await (await beneficiary.GetAsync($"/api/portal/dossiers/{id}")).JsonAsync();
        var pending = view.GetProperty("pendingDocumentsRequest");
        Assert.Equal("2022-05-10", pending.GetProperty("requestedOn").GetString());
        Assert.Equal(2, pending.GetProperty("stillMissing").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("implicitRejectionDay").ValueKind);
        Assert.Equal("pièces demandées", (await (await officer.GetAsync("/api/portal-inbox")).JsonAsync())[0].GetProperty("status").GetString());

        // Too early: the answer names what is missing, and nothing changes.
        var early = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{id}/documents-answer", new { message = "Voici." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        var problem = await early.JsonAsync();
        Assert.Equal("documents", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("le budget prévisionnel", problem.GetProperty("detail").GetString());

        // The kinds asked for can be uploaded on the portal, Budget included (not one of the request's own four).
        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 5, 16));
        beneficiary = await PortalApi.SignInAsync(host, Address);
        officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        foreach (var kind in new[] { "BankDetails", "Budget" })
        {
            Assert.Equal(HttpStatusCode.Created, (await PortalApi.UploadAsync(beneficiary, $"/api/portal/dossiers/{id}/documents", kind, $"{kind}.pdf")).StatusCode);
        }

        mails = host.Mail.Requests.Count;
        var answered = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{id}/documents-answer", new { message = "Voici le RIB et le budget." });
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        view = await answered.JsonAsync();
        Assert.Equal(JsonValueKind.Null, view.GetProperty("pendingDocumentsRequest").ValueKind);
        // Two months from the receipt of the documents (L114-5), not from the request's.
        Assert.Equal("2022-07-16", view.GetProperty("implicitRejectionDay").GetString());
        var received = await MailAsync(mails, m => m.Subject!.Contains("Pièces reçues", StringComparison.Ordinal));
        Assert.Equal(["instruction.subventions@collectivite.example.fr"], received.To);
        Assert.Contains("Voici le RIB et le budget.", received.Text);
        Assert.Equal("pièces reçues", (await (await officer.GetAsync("/api/portal-inbox")).JsonAsync())[0].GetProperty("status").GetString());

        var register = (await (await officer.GetAsync($"/api/dossiers/{id}")).JsonAsync()).GetProperty("register").EnumerateArray().ToList();
        var request = register.Single(e => e.GetProperty("type").GetString() == "DocumentsRequested");
        Assert.Equal("Claire Martin (CaseOfficer)", request.GetProperty("actor").GetString());
        Assert.Contains("Merci de joindre le RIB", request.GetProperty("summary").GetString());
        var answer = register.Single(e => e.GetProperty("type").GetString() == "DocumentsRequestAnswered");
        Assert.Equal($"{Address} (Beneficiary via portal)", answer.GetProperty("actor").GetString());
        Assert.Equal($"{Address} (Beneficiary via portal)", register[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task GivenARequestPendingOrNone_WhenAskedTwiceOrAnsweredWithoutRequest_Then409AndBadInput422NamingTheField()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var id = await SubmitAsync(beneficiary);
        var officer = await host.SignInAsync(Role.CaseOfficer);

        Assert.Equal(HttpStatusCode.Conflict, (await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{id}/documents-answer", new { })).StatusCode);
        var empty = await officer.PostAsJsonAsync($"/api/dossiers/{id}/documents-request", new { documents = Array.Empty<string>(), message = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var fields = (await empty.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["documents", "message"], fields);

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/dossiers/{id}/documents-request", new { documents = new[] { "Statutes" }, message = "Statuts à jour." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/dossiers/{id}/documents-request", new { documents = new[] { "Statutes" }, message = "Encore." })).StatusCode);

        // Another beneficiary: as for a dossier that does not exist.
        var other = await PortalApi.SignInAsync(host, "tresorier@autre-asso.example.fr");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/portal/dossiers/{id}/documents-answer", new { })).StatusCode);
        // A finance agent may not ask; the beneficiary's session is no agent.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(Role.Finance)).PostAsJsonAsync($"/api/dossiers/{id}/documents-request", new { documents = new[] { "Statutes" }, message = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await beneficiary.PostAsJsonAsync($"/api/dossiers/{id}/documents-request", new { documents = new[] { "Statutes" }, message = "x" })).StatusCode);

        // A cross-site write (no application header) with the beneficiary's cookie is refused and changes nothing.
        Assert.Equal(HttpStatusCode.Created, (await PortalApi.UploadAsync(beneficiary, $"/api/portal/dossiers/{id}/documents", "Statutes", "statuts.pdf")).StatusCode);
        beneficiary.DefaultRequestHeaders.Remove(RequestOrigin.Header);
        Assert.Equal(HttpStatusCode.Forbidden, (await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{id}/documents-answer", new { })).StatusCode);
        var still = await (await officer.GetAsync($"/api/dossiers/{id}")).JsonAsync();
        Assert.DoesNotContain(still.GetProperty("register").EnumerateArray(), e => e.GetProperty("type").GetString() == "DocumentsRequestAnswered");
    }

    [Fact]
    public async Task GivenSendGridFailing_WhenARequestIsSubmitted_ThenTheAcknowledgmentIsKeptInTheOutboxAndSentByTheSweep()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var mails = host.Mail.Requests.Count;
        host.Mail.EnqueueResponse(503);

        var submitted = await beneficiary.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid());

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        await host.Mail.WaitForRequestsAsync(mails + 1, TimeSpan.FromSeconds(10));
        var dispatcher = host.Service<OutboxDispatcher>();
        for (var i = 0; i < 50 && !host.Mail.Requests.Skip(mails).Any(m => m.AnsweredStatus == 202); i++)
        {
            await Task.Delay(100);
            await dispatcher.SweepAsync(CancellationToken.None);
        }

        var sent = host.Mail.Requests.Skip(mails).ToList();
        Assert.Equal([503, 202], sent.Select(m => m.AnsweredStatus));
        Assert.All(sent, m => Assert.Contains("Accusé de réception", m.Subject));
        Assert.Equal([Address], sent[^1].To);
        Assert.Equal(HttpStatusCode.OK, (await beneficiary.GetAsync((await submitted.JsonAsync()).GetProperty("acknowledgment").GetString())).StatusCode);
    }

    [Fact]
    public async Task GivenANotifiedPortalGrant_WhenAReminderIsDue_ThenTheBeneficiaryGetsTheirOwnWithALinkToTheirDossier()
    {
        var finance = await host.SignInAsync(Role.Finance, "Paul Trésor");
        (await finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = 510_000 })).EnsureSuccessStatusCode();
        var id = await SubmitAsync(await PortalApi.SignInAsync(host, Address));
        await WalkToNotificationAsync(id);
        var mails = host.Mail.Requests.Count;

        // Notified 30 June 2022: the window closes on 30 August; the 30-day reminder goes out on 31 July.
        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 7, 31));
        Assert.True(await host.FireDueDeadlinesAsync(id) >= 1);

        var agents = await MailAsync(mails, m => m.Subject!.Contains("Rappel : plus que 30 jours", StringComparison.Ordinal));
        Assert.Equal(["instruction.subventions@collectivite.example.fr"], agents.To);
        var own = await MailAsync(mails, m => m.Subject!.Contains("Rappel : Plus que 30 jours pour demander le paiement de votre subvention", StringComparison.Ordinal));
        Assert.Equal([Address], own.To);
        Assert.Contains("mardi 30 août 2022", own.Text);
        Assert.Contains($"/portail/dossier.html?id={id}", own.Text);
    }

    /// <summary>The one mail captured after the first <paramref name="skip"/> that matches, waited for (the outbox sends after the answer).</summary>
    private async Task<CapturedMailRequest> MailAsync(int skip, Func<CapturedMailRequest, bool> match)
    {
        for (var i = 0; i < 100 && !host.Mail.Requests.Skip(skip).Any(match); i++)
        {
            await Task.Delay(100);
        }

        var found = host.Mail.Requests.Skip(skip).Where(match).ToList();
        Assert.Single(found);
        return found[0];
    }

    private static async Task<string> SubmitAsync(HttpClient beneficiary) =>
        (await (await beneficiary.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).JsonAsync()).GetProperty("dossierId").GetString()!;

    private async Task WalkToNotificationAsync(string id)
    {
        var secretariat = await host.SignInAsync(Role.Secretariat, "Yves Guyen");
        var officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        foreach (var (day, client, segment, command) in new[]
                 {
                     (10, secretariat, "vote", "RecordVote"), (20, secretariat, "transmission", "RecordTransmission"),
                     (22, secretariat, "acknowledgment", "AcknowledgeReceipt"), (29, officer, "signature", "SignConvention"),
                     (30, officer, "notification", "Notify"),
                 })
        {
            host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 6, day));
            var response = await client.PostJsonAsync($"/api/dossiers/{id}/{segment}", SeedRequests.Command(command));
            Assert.True(response.IsSuccessStatusCode, $"{segment}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
