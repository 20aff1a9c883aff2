using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>The seed dossier through every stage over HTTP, on the real server, Azurite and a SendGrid capture server.</summary>
public sealed class LifecycleApiTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(Paris(2022, 5, 3));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_seed_dossier_goes_through_every_stage_with_its_documents_emails_and_reminders()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        var secretariat = await host.SignInAsync(Role.Secretariat, "Yves Guyen");
        var finance = await host.SignInAsync(Role.Finance, "Paul Trésor");

        var created = await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
        Assert.Equal("SUB-2022-0001", id);

        var statutes = SamplePdf("Statuts du CMQ MSI");
        var upload = await UploadAsync(officer, id, "Statutes", "statuts.pdf", statutes);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        host.Time.SetUtcNow(Paris(2022, 6, 10));
        var vote = await secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote"));
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        var voted = await vote.JsonAsync();
        Assert.Equal("adopté à l'unanimité", voted.GetProperty("vote").GetProperty("wording").GetString());
        Assert.Equal(29, voted.GetProperty("vote").GetProperty("count").GetProperty("voters").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(secretariat, id, "Deliberation", "deliberation-2022-06-09.pdf", SamplePdf("Délibération"))).StatusCode);

        host.Time.SetUtcNow(Paris(2022, 6, 20));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/transmission", SeedRequests.Command("RecordTransmission")));
        host.Time.SetUtcNow(Paris(2022, 6, 22));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/acknowledgment", SeedRequests.Command("AcknowledgeReceipt")));
        host.Time.SetUtcNow(Paris(2022, 6, 29));
        await Ok(officer.PostJsonAsync($"/api/dossiers/{id}/signature", SeedRequests.Command("SignConvention")));

        var approval = await MailAsync(m => m.Subject!.Contains(id) && m.To.Contains(ApprovalsServerHost.FinanceRecipients[0]));
        Assert.Contains("025-242500361-20220609-2022B0612-DE", approval.Html);
        Assert.Contains(Domain.Money.Format(9_000m), approval.Text);
        var link = LinkIn(approval.Html!);
        using (var anonymous = new HttpClient())
        {
            var document = await anonymous.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.StartsWith("%PDF-", await document.Content.ReadAsStringAsync());
        }

        host.Time.SetUtcNow(Paris(2022, 6, 30));
        var notified = await (await Ok(officer.PostJsonAsync($"/api/dossiers/{id}/notification", SeedRequests.Command("Notify")))).JsonAsync();
        Assert.Equal("2022-08-30", notified.GetProperty("paymentWindowLastDay").GetString());
        var notification = await MailAsync(m => m.Subject!.Contains(id) && m.To.Contains("contact@cmq-msi.example.org"));
        Assert.Contains("30 août 2022", notification.Text);

        host.Time.SetUtcNow(Paris(2022, 7, 31, 6));
        Assert.Equal(1, await host.FireDueDeadlinesAsync(id));
        var reminder = await MailAsync(m => m.Subject!.Contains(id) && m.Subject.Contains("30 jours", StringComparison.OrdinalIgnoreCase) || m.Subject!.Contains("Rappel"));
        Assert.Contains("agent.instructeur@grandbesancon.example.fr", reminder.To);

        host.Time.SetUtcNow(Paris(2022, 8, 1));
        await Ok(finance.PostJsonAsync($"/api/dossiers/{id}/payment-requests", new JsonObject { ["receivedOn"] = "2022-08-01", ["amount"] = 9000 }));
        host.Time.SetUtcNow(Paris(2022, 8, 5));
        await Ok(finance.PostJsonAsync($"/api/dossiers/{id}/payments", new JsonObject { ["paidOn"] = "2022-08-05", ["amount"] = 9000, ["reference"] = "MANDAT-2022-4711" }));
        host.Time.SetUtcNow(Paris(2023, 1, 21));
        await Ok(officer.PostJsonAsync($"/api/dossiers/{id}/report", new JsonObject { ["receivedOn"] = "2023-01-20", ["realEligibleCosts"] = 15790 }));
        host.Time.SetUtcNow(Paris(2023, 2, 10));
        var closed = await (await Ok(finance.PostJsonAsync($"/api/dossiers/{id}/report-acceptance", new JsonObject { ["acceptedOn"] = "2023-02-10" }))).JsonAsync();

        Assert.Equal("Closed", closed.GetProperty("stage").GetString());
        // Seed art. 6: controls may follow payment, so a recovery stays possible once closed (issue 13, item 12).
        Assert.Equal(["OrderRecovery"], closed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetProperty("command").GetString()));
        var verify = await (await officer.GetAsync($"/api/dossiers/{id}/register/verify")).JsonAsync();
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(closed.GetProperty("version").GetInt64(), verify.GetProperty("events").GetInt64());
        var list = await (await officer.GetAsync("/api/dossiers?stage=Closed&year=2022")).JsonAsync();
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("dossierId").GetString());
    }

    [Fact]
    public async Task A_retry_under_the_same_idempotency_key_returns_the_first_result_and_records_nothing_more()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var first = await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request, "create-42");
        var second = await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request, "create-42");
        var id = (await first.JsonAsync()).GetProperty("dossierId").GetString();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(id, (await second.JsonAsync()).GetProperty("dossierId").GetString());
        var secretariat = await host.SignInAsync(Role.Secretariat);
        host.Time.SetUtcNow(Paris(2022, 6, 10));
        var vote1 = await secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote"), "vote-1");
        var vote2 = await secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote"), "vote-1");
        Assert.Equal(HttpStatusCode.OK, vote1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, vote2.StatusCode);
        Assert.Equal((await vote1.JsonAsync()).GetProperty("version").GetInt64(), (await vote2.JsonAsync()).GetProperty("version").GetInt64());
        var reused = await secretariat.PostJsonAsync($"/api/dossiers/{id}/transmission", SeedRequests.Command("RecordTransmission"), "vote-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        var register = await host.Service<DossierService>().ReadRegisterAsync(id!, CancellationToken.None);
        Assert.Equal(["RequestSubmitted", "VoteRecorded", "CreditsCommitted"], register.Select(e => e.Type));
    }

    private async Task<CapturedMail> MailAsync(Func<CapturedMail, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = host.Mail.Requests.Select(r => new CapturedMail(r.Subject, r.To, r.Html, r.Text)).FirstOrDefault(m => m.Subject is not null && match(m));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No such e-mail among: {string.Join(" | ", host.Mail.Requests.Select(r => r.Subject))}");
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string kind, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/dossiers/{id}/documents", form);
    }

    public static byte[] SamplePdf(string title) =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog /Title ({title.Length}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static Uri LinkIn(string html)
    {
        var start = html.IndexOf("href=\"http", StringComparison.Ordinal) + 6;
        return new Uri(System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf('"', start)]));
    }

    /// <summary>An instant given as Paris wall-clock time (summer: UTC+2).</summary>
    public static DateTimeOffset Paris(int year, int month, int day, int hour = 10) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1)).ToUniversalTime();

    private sealed record CapturedMail(string? Subject, IReadOnlyList<string> To, string? Html, string? Text);
}
