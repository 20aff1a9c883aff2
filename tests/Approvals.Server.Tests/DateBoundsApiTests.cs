using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

using static LifecycleApiTests;

/// <summary>
/// [hardening] item 9: every date of a request or a command lies between 2000-01-01 and thirty years from today, the
/// refusal naming the field and the window; a dossier at the edge of that window goes through every command without a 500.
/// </summary>
public sealed class DateBoundsApiTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private HttpClient officer = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Paris(2022, 5, 3));
        officer = await host.SignInAsync(Role.CaseOfficer);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("receivedOn", "0001-01-01")]
    [InlineData("actionsEnd", "9999-12-31")]
    [InlineData("convention.endDate", "9999-12-31")]
    [InlineData("convention.reportDueDate", "9999-12-31")]
    [InlineData("convention.endDate", "2052-05-04")]
    public async Task GivenADateOutsideThePlausibleWindow_WhenTheRequestIsEntered_ThenItIs422NamingTheFieldAndTheWindow(string field, string date)
    {
        var request = SeedRequests.Request;
        var path = field.Split('.');
        (path.Length == 1 ? request : request[path[0]]!.AsObject())[path[^1]] = date;

        var response = await officer.PostJsonAsync("/api/dossiers", request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == field);
        Assert.Equal("date.implausible", error.GetProperty("code").GetString());
        Assert.Contains("01/01/2000", error.GetProperty("message").GetString());
        Assert.Empty(await host.Service<IDossierStore>().QueryAsync(new DossierQuery(null, null, null, null, null, 0, 10), CancellationToken.None));
    }

    [Fact]
    public async Task GivenAConventionEndingThirtyYearsAhead_WhenTheDossierIsSignedAndNotified_ThenNoCommandFails()
    {
        var request = SeedRequests.Request;
        request["convention"]!["endDate"] = "2052-05-03";
        request["convention"]!["reportDueDate"] = "2052-05-03";
        request["actionsEnd"] = "2052-05-03";
        var created = await officer.PostJsonAsync("/api/dossiers", request);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
        var secretariat = await host.SignInAsync(Role.Secretariat);

        host.Time.SetUtcNow(Paris(2022, 6, 10));
        await OkAsync(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote")));
        host.Time.SetUtcNow(Paris(2022, 6, 20));
        await OkAsync(secretariat.PostJsonAsync($"/api/dossiers/{id}/transmission", SeedRequests.Command("RecordTransmission")));
        host.Time.SetUtcNow(Paris(2022, 6, 22));
        await OkAsync(secretariat.PostJsonAsync($"/api/dossiers/{id}/acknowledgment", SeedRequests.Command("AcknowledgeReceipt")));
        host.Time.SetUtcNow(Paris(2022, 6, 29));
        await OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/signature", SeedRequests.Command("SignConvention")));
        host.Time.SetUtcNow(Paris(2022, 6, 30));
        var notified = await OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/notification", SeedRequests.Command("Notify")));

        Assert.Equal("Notified", notified.GetProperty("stage").GetString());
        Assert.True((await OkAsync(officer.GetAsync($"/api/dossiers/{id}/register/verify"))).GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/deadlines")).StatusCode);
    }

    [Fact]
    public async Task GivenACommandDatedBefore2000_WhenSent_ThenItIs422NamingTheField()
    {
        var id = (await (await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request)).JsonAsync()).GetProperty("dossierId").GetString()!;

        var response = await officer.PostJsonAsync($"/api/dossiers/{id}/withdrawal", new JsonObject { ["on"] = "0001-01-01", ["reason"] = "Projet abandonné" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().First(e => e.GetProperty("code").GetString() == "date.implausible");
        Assert.Equal("on", error.GetProperty("field").GetString());
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
