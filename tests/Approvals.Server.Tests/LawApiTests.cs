using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

using static LifecycleApiTests;

/// <summary>Issue 13 over HTTP: the contrat d'engagement républicain, the yearly convention threshold read from stored dossiers, the déféré routes.</summary>
public sealed class LawApiTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private HttpClient officer = null!;
    private HttpClient secretariat = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Paris(2022, 5, 3));
        officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        secretariat = await host.SignInAsync(Role.Secretariat, "Yves Guyen");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_association_request_without_its_republican_commitment_cannot_be_voted_until_the_commitment_is_recorded()
    {
        var request = SeedRequests.Request;
        request.Remove("republicanCommitment");
        var id = await CreateAsync(request);

        host.Time.SetUtcNow(Paris(2022, 6, 10));
        var refused = await secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single((await refused.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("republicanCommitment", error.GetProperty("field").GetString());

        await Ok(officer.PostJsonAsync($"/api/dossiers/{id}/republican-commitment", new JsonObject { ["signedOn"] = "2022-06-01", ["signatory"] = "Pascal Vairac" }));
        var voted = await (await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote")))).JsonAsync();

        Assert.Equal("Adopted", voted.GetProperty("stage").GetString());
        Assert.Equal("Pascal Vairac", voted.GetProperty("request").GetProperty("republicanCommitment").GetProperty("signatory").GetString());
        Assert.Equal("Mme Anne VIGNOT", voted.GetProperty("vote").GetProperty("officers").GetProperty("president").GetString());
        Assert.Equal("M. Yves GUYEN", voted.GetProperty("vote").GetProperty("officers").GetProperty("secretary").GetString());
        Assert.Equal(11, voted.GetProperty("vote").GetProperty("count").GetProperty("quorum").GetInt32());
    }

    [Fact]
    public async Task The_23_000_euro_threshold_adds_the_beneficiary_s_other_grants_of_the_year_at_the_vote_and_at_the_request()
    {
        var request = SeedRequests.Request;
        request["convention"]!["hasConvention"] = false;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateAsync(request.DeepClone()));
        }

        host.Time.SetUtcNow(Paris(2022, 6, 10));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{ids[0]}/vote", SeedRequests.Command("RecordVote")));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{ids[1]}/vote", SeedRequests.Command("RecordVote")));
        var third = await secretariat.PostJsonAsync($"/api/dossiers/{ids[2]}/vote", SeedRequests.Command("RecordVote"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, third.StatusCode);
        var error = Assert.Single((await third.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("convention.compulsory", error.GetProperty("code").GetString());
        Assert.Equal("amountVoted", error.GetProperty("field").GetString());

        var fourth = await officer.PostJsonAsync("/api/dossiers", request.DeepClone());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fourth.StatusCode);
        Assert.Equal("convention.hasConvention", Assert.Single((await fourth.JsonAsync()).GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());

        request["budgetLine"]!["year"] = 2023;
        request["receivedOn"] = "2022-06-10";
        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync("/api/dossiers", request.DeepClone())).StatusCode);
    }

    [Fact]
    public async Task A_referral_suspends_nothing_a_suspension_order_does_and_an_annulment_ends_the_grant()
    {
        var id = await CreateAsync(SeedRequests.Request);
        host.Time.SetUtcNow(Paris(2022, 6, 22));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote")));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/transmission", SeedRequests.Command("RecordTransmission")));
        var received = await (await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/acknowledgment", SeedRequests.Command("AcknowledgeReceipt")))).JsonAsync();
        Assert.Equal("2022-08-22", received.GetProperty("legality").GetProperty("referralWindowLastDay").GetString());
        Assert.Contains(received.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("id").GetString() == "referral-window");
        Assert.Equal(9_000m, Assert.Single(received.GetProperty("instalments").EnumerateArray()).GetProperty("amount").GetDecimal());

        host.Time.SetUtcNow(Paris(2022, 7, 8));
        var referred = await Stage(secretariat.PostJsonAsync($"/api/dossiers/{id}/court-referral", new JsonObject { ["lodgedOn"] = "2022-07-01", ["suspensionRequested"] = true, ["summary"] = "Déféré-suspension" }));
        Assert.Equal("Enforceable", referred);
        Assert.Equal("Suspended", await Stage(secretariat.PostJsonAsync($"/api/dossiers/{id}/suspension-order", new JsonObject { ["orderedOn"] = "2022-07-08", ["summary"] = "Suspension" })));
        host.Time.SetUtcNow(Paris(2022, 11, 3));
        Assert.Equal("Enforceable", await Stage(secretariat.PostJsonAsync($"/api/dossiers/{id}/suspension-lifting", new JsonObject { ["on"] = "2022-09-01", ["summary"] = "Ordonnance annulée" })));
        Assert.Equal("Annulled", await Stage(secretariat.PostJsonAsync($"/api/dossiers/{id}/court-decision", new JsonObject { ["decidedOn"] = "2022-11-03", ["annulled"] = true, ["summary"] = "Annulation" })));

        var letter = await secretariat.PostJsonAsync($"/api/dossiers/{id}/court-referral", new JsonObject { ["lodgedOn"] = "2022-11-03", ["suspensionRequested"] = false, ["summary"] = "x" });
        Assert.Equal(HttpStatusCode.Conflict, letter.StatusCode);
    }

    private async Task<string> CreateAsync(JsonNode request)
    {
        var created = await Ok(officer.PostJsonAsync("/api/dossiers", request));
        return (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    private static async Task<string> Stage(Task<HttpResponseMessage> call) => (await (await Ok(call)).JsonAsync()).GetProperty("stage").GetString()!;

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
