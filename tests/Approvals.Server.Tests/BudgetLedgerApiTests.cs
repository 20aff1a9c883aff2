using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Server.Tests;

using static LifecycleApiTests;

/// <summary>[hardening] 1 and 2 through the real server and Azurite: concurrent votes on one line, and the line's code as typed.</summary>
public sealed class BudgetLedgerApiTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private HttpClient officer = null!;
    private HttpClient finance = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Paris(2022, 5, 3));
        officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        finance = await host.SignInAsync(Role.Finance, "Paul Trésor");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Twelve_votes_at_once_on_a_line_that_covers_five_adopt_exactly_five_and_the_line_agrees_with_the_dossiers()
    {
        const int votes = 12;
        const int covered = 5;
        var amount = SeedRequests.Command("RecordVote")["amountVoted"]!.GetValue<decimal>();
        await Ok(finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = covered * amount + amount / 2 }));
        var ids = new List<string>();
        for (var i = 0; i < votes; i++)
        {
            ids.Add(await CreateAsync(SeedRequests.Request));
        }

        host.Time.SetUtcNow(Paris(2022, 6, 10));
        var secretaries = await Task.WhenAll(Enumerable.Range(0, votes).Select(i => host.SignInAsync(Role.Secretariat, $"Secrétaire {i}")));
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, votes).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var response = await secretaries[i].PostJsonAsync($"/api/dossiers/{ids[i]}/vote", SeedRequests.Command("RecordVote"));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(calls);

        Assert.Equal(covered, answers.Count(a => a.Item1 == 200));
        var refused = answers.Where(a => a.Item1 != 200).ToList();
        Assert.All(refused, a => Assert.Equal(422, a.Item1));
        Assert.All(refused, a => Assert.Equal("budget.credits-insufficient", JsonDocument.Parse(a.Item2).RootElement.GetProperty("errors")[0].GetProperty("code").GetString()));

        var committedByDossiers = 0m;
        var adopted = 0;
        foreach (var id in ids)
        {
            var dossier = await (await Ok(officer.GetAsync($"/api/dossiers/{id}"))).JsonAsync();
            committedByDossiers += dossier.GetProperty("amounts").GetProperty("committed").GetDecimal();
            adopted += dossier.GetProperty("stage").GetString() == "Adopted" ? 1 : 0;
        }

        var line = await LineAsync();
        Assert.Equal(covered, adopted);
        Assert.Equal(covered * amount, committedByDossiers);
        Assert.Equal(
            (committedByDossiers, 0m, covered * amount + amount / 2 - committedByDossiers, votes),
            (line.GetProperty("committed").GetDecimal(), line.GetProperty("reserved").GetDecimal(), line.GetProperty("available").GetDecimal(), line.GetProperty("dossiers").GetInt32()));

        var rebuilt = Assert.Single((await (await Ok(finance.PostAsync("/api/budget-lines/rebuild", null))).JsonAsync()).EnumerateArray());
        Assert.Equal(line.GetRawText(), rebuilt.GetRawText());
        output.WriteLine($"{votes} votes at once: {covered} × 200, {refused.Count} × 422 budget.credits-insufficient; line: {line.GetRawText()}");
    }

    [Theory]
    [InlineData("65-23-6574 ")]
    [InlineData("65\u201323\u20136574")]
    [InlineData(" 65 \u2013 23 \u2013 6574\u00A0")]
    public async Task A_code_typed_with_a_trailing_space_or_en_dashes_is_stored_normalised_and_charges_the_one_line(string typed)
    {
        await Ok(finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = 15_000 }));
        await CreateAsync(SeedRequests.Request);
        var request = SeedRequests.Request;
        request["budgetLine"]!["code"] = typed;

        var id = await CreateAsync(request);

        var dossier = await (await Ok(officer.GetAsync($"/api/dossiers/{id}"))).JsonAsync();
        Assert.Equal("65-23-6574", dossier.GetProperty("request").GetProperty("budgetLine").GetProperty("code").GetString());
        Assert.Equal(2, (await LineAsync()).GetProperty("dossiers").GetInt32());
        host.Time.SetUtcNow(Paris(2022, 6, 10));
        var secretariat = await host.SignInAsync(Role.Secretariat);
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote")));
        Assert.Equal(6_000m, (await LineAsync()).GetProperty("available").GetDecimal());
    }

    [Theory]
    [InlineData("65.23.6574")]
    [InlineData("6574")]
    [InlineData("65-23-6574 bis")]
    [InlineData("")]
    public async Task A_code_that_is_not_M57_is_refused_at_the_request_naming_budgetLine_code(string typed)
    {
        var request = SeedRequests.Request;
        request["budgetLine"]!["code"] = typed;

        var response = await officer.PostJsonAsync("/api/dossiers", request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "budgetLine.code" && e.GetProperty("code").GetString() == "budgetLine.code");
        Assert.Empty((await (await Ok(officer.GetAsync("/api/dossiers"))).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_budget_line_put_with_en_dashes_is_the_same_line_and_a_bad_code_is_refused_naming_the_code()
    {
        await Ok(finance.PutAsJsonAsync("/api/budget-lines/2022/65\u201323\u20136574", new { label = "Enseignement supérieur", voted = 15_000 }));
        await Ok(finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = 20_000 }));

        Assert.Equal(("65-23-6574", 20_000m), ((await LineAsync()).GetProperty("code").GetString(), (await LineAsync()).GetProperty("voted").GetDecimal()));
        var refused = await finance.PutAsJsonAsync("/api/budget-lines/2022/65.23.6574", new { label = "Enseignement supérieur", voted = 15_000 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("code", (await refused.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    private async Task<JsonElement> LineAsync() =>
        Assert.Single((await (await Ok(officer.GetAsync("/api/budget-lines?year=2022"))).JsonAsync()).EnumerateArray());

    private async Task<string> CreateAsync(JsonObject request)
    {
        var created = await Ok(officer.PostJsonAsync("/api/dossiers", request));
        return (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
