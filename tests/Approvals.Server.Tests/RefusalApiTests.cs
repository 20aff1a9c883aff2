using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>Every kind of refusal, as problem+json naming the field and the rule, and leaving the register as it was.</summary>
public sealed class RefusalApiTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private HttpClient officer = null!;
    private string id = "";

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3));
        officer = await host.SignInAsync(Role.CaseOfficer);
        id = (await (await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request)).JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_command_out_of_order_is_409_with_the_rule()
    {
        var problem = await Problem(officer.PostJsonAsync($"/api/dossiers/{id}/notification", new JsonObject { ["notifiedOn"] = "2022-05-03" }), HttpStatusCode.Conflict);

        Assert.Equal("stage.wrong", Error(problem).GetProperty("code").GetString());
        Assert.Equal("Ordre des étapes", Error(problem).GetProperty("rule").GetString());
        await RegisterUnchanged();
    }

    [Fact]
    public async Task A_vote_whose_tally_does_not_match_attendance_is_422_naming_the_field()
    {
        var secretariat = await host.SignInAsync(Role.Secretariat);
        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 6, 10));
        var vote = SeedRequests.Command("RecordVote");
        vote["tally"] = new JsonObject { ["for"] = 30, ["against"] = 0, ["abstention"] = 0 };

        var problem = await Problem(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", vote), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("tally", Error(problem).GetProperty("field").GetString());
        Assert.Contains("29", Error(problem).GetProperty("message").GetString());
        await RegisterUnchanged();
    }

    [Fact]
    public async Task A_request_with_a_bad_siret_and_an_unbalanced_budget_names_both_fields()
    {
        var request = SeedRequests.Request;
        request["beneficiary"]!["siret"] = "73282932000075";
        request["budget"]!["expenses"]![0]!["amount"] = 2473;

        var problem = await Problem(officer.PostJsonAsync("/api/dossiers", request), HttpStatusCode.UnprocessableEntity);

        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("beneficiary.siret", fields);
        Assert.Contains("budget", fields);
    }

    [Theory]
    [InlineData("{\"notifiedOn\": \"2022-05-03\"", "request.json")]
    [InlineData("{\"receivedOn\": \"2022-05-03\", \"kind\": \"Telegram\", \"summary\": \"x\"}", "request.json")]
    [InlineData("{\"notifiedOn\": \"2022-05-03\", \"extra\": 1}", "request.json")]
    public async Task Malformed_json_unknown_enums_and_unknown_fields_are_400(string body, string code)
    {
        var route = body.Contains("kind") ? "prefecture-letters" : "notification";
        var response = await officer.PostAsync($"/api/dossiers/{id}/{route}", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problem(Task.FromResult(response), HttpStatusCode.BadRequest);
        Assert.Equal(code, Error(problem).GetProperty("code").GetString());
        await RegisterUnchanged();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        await Problem(officer.PostAsync($"/api/dossiers/{id}/notification", new StringContent("notifiedOn=2022-05-03", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_dossier_is_404()
    {
        await Problem(officer.GetAsync("/api/dossiers/SUB-2099-9999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_identity_401_and_with_the_wrong_role_403()
    {
        await Problem(host.Anonymous().GetAsync($"/api/dossiers/{id}"), HttpStatusCode.Unauthorized);
        var reader = await host.SignInAsync(Role.Reader);
        var forbidden = await Problem(reader.PostJsonAsync($"/api/dossiers/{id}/withdrawal", new JsonObject { ["on"] = "2022-05-03", ["reason"] = "x" }), HttpStatusCode.Forbidden);
        Assert.Contains("agent instructeur", forbidden.GetProperty("detail").GetString());
        await RegisterUnchanged();
    }

    [Fact]
    public async Task An_executable_named_pdf_a_path_in_the_name_and_an_oversize_file_are_refused_and_leave_nothing()
    {
        var exe = new byte[4096];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Upload("facture.pdf", exe)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Upload("../../etc/statuts.pdf", LifecycleApiTests.SamplePdf("x"))).StatusCode);
        var big = new byte[26 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Upload("gros.pdf", big)).StatusCode);
        await RegisterUnchanged();
    }

    private async Task<HttpResponseMessage> Upload(string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await officer.PostAsync($"/api/dossiers/{id}/documents", form);
    }

    private async Task RegisterUnchanged()
    {
        var register = await host.Service<DossierService>().ReadRegisterAsync(id, CancellationToken.None);
        Assert.Equal(["RequestSubmitted"], register.Select(e => e.Type));
    }

    private static JsonElement Error(JsonElement problem) => problem.GetProperty("errors")[0];

    private static async Task<JsonElement> Problem(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
