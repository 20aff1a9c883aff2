using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>
/// The beneficiary files the final report on the portal (CERFA n°15059 and the convention's indicators): refused at the
/// wrong stage, naming each faulty field, or after its due day; accepted, it reaches the agents as their ReceiveReport.
/// </summary>
public sealed class PortalReportTests : IAsyncLifetime
{
    private const string Address = "tresorerie@cmq-msi.example.fr";

    private static readonly string[] Indicators = ["Effectifs concernés par chaque action", "Entreprises impliquées"];

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3), new Dictionary<string, string?>
    {
        ["Portal:BudgetLineCode"] = "65-23-6574",
        ["Portal:ReportIndicators:0"] = Indicators[0],
        ["Portal:ReportIndicators:1"] = Indicators[1],
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>
    /// The seed's budget (15 790 € of charges, as the portal's application gives it) planned, a little less realised,
    /// the rectorat's shortfall explained and the association's own funds a product.
    /// </summary>
    public static JsonObject Report(IEnumerable<string> indicators) => new()
    {
        ["financial"] = new JsonObject
        {
            ["charges"] = new JsonArray(
                Line("60", 2472m, 2400m), Line("61", 618m, 600m), Line("62", 6900m, 6800m), Line("63", 1500m, 1500m), Line("64", 4300m, 4200m)),
            ["products"] = new JsonArray(
                Line("75", 5790m, 5790m, "Ressources propres"), Line("74", 9000m, 9000m, "Grand Besançon Métropole"), Line("74", 1000m, 710m, "Région")),
            ["gapsExplanation"] = "La Région a versé 710 € au lieu des 1 000 € prévus ; les achats ont été réduits d'autant.",
        },
        ["activity"] = new JsonObject
        {
            ["summary"] = "Trois actions menées avec les lycées et les entreprises du territoire.",
            ["indicators"] = new JsonArray(indicators.Select(i => (JsonNode)new JsonObject { ["indicator"] = i, ["result"] = "120 élèves, 14 entreprises" }).ToArray()),
        },
        ["signatory"] = "Marie Durand",
        ["certified"] = true,
    };

    [Fact]
    public async Task GivenANotifiedPortalRequest_WhenTheReportIsFiledEarlyInvalidValidAndLate_ThenRefusedInWordsUntilValidAndTheAgentsSeeTheirReceiveReport()
    {
        var finance = await host.SignInAsync(Role.Finance, "Paul Trésor");
        (await finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = 510_000 })).EnsureSuccessStatusCode();
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var onTime = await SubmitAsync(beneficiary);
        var late = await SubmitAsync(beneficiary);
        await PortalPaymentTests.WalkToNotificationAsync(host, onTime, late);

        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 7, 15));
        beneficiary = await PortalApi.SignInAsync(host, Address);
        var before = await (await beneficiary.GetAsync($"/api/portal/dossiers/{onTime}/report")).JsonAsync();
        // Law n°2000-321, art. 10: six months after the end of the 2022 financial year the grant was charged to.
        Assert.Equal("2023-06-30", before.GetProperty("dueOn").GetString());
        Assert.False(before.GetProperty("canFile").GetBoolean());
        Assert.Equal(Indicators, before.GetProperty("indicators").EnumerateArray().Select(i => i.GetString()).ToArray());
        var tooEarly = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{onTime}/report", Report(Indicators));
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);

        foreach (var id in new[] { onTime, late })
        {
            (await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{id}/payment-request", new { amount = 9000 })).EnsureSuccessStatusCode();
        }

        host.Time.SetUtcNow(LifecycleApiTests.Paris(2023, 1, 20));
        beneficiary = await PortalApi.SignInAsync(host, Address);
        Assert.True((await (await beneficiary.GetAsync($"/api/portal/dossiers/{onTime}/report")).JsonAsync()).GetProperty("canFile").GetBoolean());
        var unbalanced = Report(Indicators.Take(1));
        unbalanced["financial"]!["charges"]!.AsArray().Add(Line("65", 0m, 90m));
        var refused = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{onTime}/report", unbalanced);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var fields = FieldsOf(await refused.JsonAsync());
        Assert.Contains("financial.realised", fields);
        Assert.Contains("activity.indicators[1].result", fields);

        var upload = await PortalApi.UploadAsync(beneficiary, $"/api/portal/dossiers/{onTime}/report/documents", "FinancialReport", "compte-rendu-signe.pdf");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var wrongKind = await PortalApi.UploadAsync(beneficiary, $"/api/portal/dossiers/{onTime}/report/documents", "Statutes", "statuts.pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongKind.StatusCode);

        var filed = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{onTime}/report", Report(Indicators));
        Assert.True(filed.StatusCode == HttpStatusCode.OK, await filed.Content.ReadAsStringAsync());
        var status = await filed.JsonAsync();
        Assert.Equal("2023-01-20", status.GetProperty("receivedOn").GetString());
        Assert.Contains("reçu le 20 janvier 2023", status.GetProperty("status").GetString());
        Assert.Equal("Compte rendu reçu, en cours d'examen",
            (await (await beneficiary.GetAsync($"/api/portal/dossiers/{onTime}")).JsonAsync()).GetProperty("stage").GetString());

        var officer = await host.SignInAsync(Role.CaseOfficer);
        var agents = await (await officer.GetAsync($"/api/dossiers/{onTime}")).JsonAsync();
        Assert.Equal("ReportReceived", agents.GetProperty("stage").GetString());
        var entry = agents.GetProperty("register").EnumerateArray().Last();
        Assert.Equal("ReportReceived", entry.GetProperty("type").GetString());
        Assert.Equal($"{Address} (Beneficiary via portal)", entry.GetProperty("actor").GetString());
        // 2 400 + 600 + 6 800 + 1 500 + 4 200: the realised charges the settlement applies the grant's rate to.
        Assert.Contains("15 500,00", entry.GetProperty("summary").GetString()!.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Contains(agents.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "FinancialReport");

        host.Time.SetUtcNow(LifecycleApiTests.Paris(2023, 7, 1));
        beneficiary = await PortalApi.SignInAsync(host, Address);
        var after = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{late}/report", Report(Indicators));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, after.StatusCode);
        var problem = await after.JsonAsync();
        Assert.Equal(["report"], FieldsOf(problem));
        Assert.Contains("30/06/2023", problem.GetProperty("detail").GetString());
        Assert.Equal("PaymentRequested", (await (await officer.GetAsync($"/api/dossiers/{late}")).JsonAsync()).GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.NotFound,
            (await (await PortalApi.SignInAsync(host, "autre@asso.example.fr")).GetAsync($"/api/portal/dossiers/{onTime}/report")).StatusCode);
    }

    private static string[] FieldsOf(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray();

    private static async Task<string> SubmitAsync(HttpClient beneficiary) =>
        (await (await beneficiary.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).JsonAsync()).GetProperty("dossierId").GetString()!;

    private static JsonObject Line(string account, decimal planned, decimal realised, string? detail = null) =>
        new() { ["account"] = account, ["planned"] = planned, ["realised"] = realised, ["detail"] = detail };
}
