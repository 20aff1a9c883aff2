using System.Text.Json;
using Approvals.Application;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>
/// Issue 12 point 6, through the server. An address no mailer takes is refused at the request, naming the field; and
/// one that reaches a mailer anyway (here a finance recipient from the settings) fails its outbox item at once: listed
/// in <c>/api/outbox/failed</c>, never retried by the sweeps, still there after a retry that cannot succeed. Both the
/// SendGrid adapter (the capture server must see nothing for it) and the pickup folder adapter.
/// </summary>
public sealed class UnsendableAddressTests(ITestOutputHelper output)
{
    private const string Unsendable = "finances;compta@collectivite.example.fr";

    [Fact]
    public async Task GivenAnAddressNoMailerTakes_WhenADossierIsCreated_ThenItIsRefusedNamingTheFieldAndNothingIsRecorded()
    {
        await using var host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3));
        var officer = await host.SignInAsync(Role.CaseOfficer);
        foreach (var address in new[] { "jean,dupont@amis-du-doubs.example.org", "a..b@amis-du-doubs.example.org", "(x)@amis-du-doubs.example.org", "a:b@amis-du-doubs.example.org", "x;y@amis-du-doubs.example.org" })
        {
            var request = Bodies.Request(new DateOnly(2022, 5, 2));
            request["beneficiary"]!["email"] = address;
            request["caseOfficerEmail"] = address;

            var problem = await (await officer.PostJsonAsync("/api/dossiers", request)).ProblemAsync(422);

            var errors = problem.GetProperty("errors").EnumerateArray().ToList();
            Assert.Equal(["beneficiary.email", "caseOfficerEmail"], errors.Select(e => e.GetProperty("field").GetString()).Order());
            Assert.All(errors, e => Assert.Equal("email.format", e.GetProperty("code").GetString()));
            Assert.Contains($"L'adresse du bénéficiaire (beneficiary.email) « {address} »", errors.Select(e => e.GetProperty("message").GetString()).First(m => m!.Contains("bénéficiaire")));
        }

        Assert.Empty((await (await officer.GetAsync("/api/dossiers")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("sendgrid")]
    [InlineData("pickup")]
    public async Task GivenAnUnsendableRecipient_WhenItsMailIsDispatched_ThenTheItemFailsAtOnceAndTheSweepsLeaveIt(string mailer)
    {
        var settings = new Dictionary<string, string?> { ["Mail:FinanceRecipients:0"] = Unsendable, ["Reminders:DigestCron"] = "0 7 1 1 *" };
        if (mailer == "pickup")
        {
            settings["Mail:SendGridApiKey"] = "";
            settings["Mail:PickupFolder"] = Path.Combine(Path.GetTempPath(), "approvals-unsendable-" + Guid.NewGuid().ToString("N"));
        }

        await using var host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), settings);
        var id = await Walks.SignedAsync(host);
        var finance = await host.SignInAsync(Role.Finance);

        var failed = await FailedAsync(finance, atLeast: 1);
        Assert.All(failed, f =>
        {
            Assert.Equal(id, f.GetProperty("dossierId").GetString());
            Assert.Contains(Unsendable, f.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
            Assert.Contains($"« {Unsendable} »", f.GetProperty("reason").GetString());
        });

        // The outbox sweeps every 30 s: two minutes of them must neither retry nor drop the items.
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var later = await FailedAsync(finance, atLeast: failed.Count);
        Assert.Equal(failed.Select(Key), later.Select(Key));
        Assert.DoesNotContain(host.Mail.Requests, r => r.To.Contains(Unsendable));

        var itemId = failed[0].GetProperty("itemId").GetString();
        await (await finance.PostAsync($"/api/outbox/{id}/{itemId}/retry", null)).ProblemAsync(409);
        Assert.Contains(itemId, (await FailedAsync(finance, atLeast: failed.Count)).Select(f => f.GetProperty("itemId").GetString()));
        output.WriteLine($"{mailer}: {failed.Count} item(s) failed at once with « {failed[0].GetProperty("reason").GetString()} »; unchanged after 2 min of sweeps; retry → 409, still listed");
    }

    private static string Key(JsonElement failed) => $"{failed.GetProperty("dossierId").GetString()}/{failed.GetProperty("itemId").GetString()}/{failed.GetProperty("failedAt").GetString()}";

    private static async Task<List<JsonElement>> FailedAsync(HttpClient finance, int atLeast)
    {
        for (var attempt = 0; ; attempt++)
        {
            var failed = (await Walks.OkAsync(finance.GetAsync("/api/outbox/failed"))).EnumerateArray().ToList();
            if (failed.Count >= atLeast || attempt == 100)
            {
                Assert.True(failed.Count >= atLeast, $"{failed.Count} failed item(s), expected at least {atLeast}");
                return failed;
            }

            await Task.Delay(100);
        }
    }
}
