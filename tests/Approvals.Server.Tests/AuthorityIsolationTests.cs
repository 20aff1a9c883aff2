using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Approvals.Api;
using Approvals.Application;
using Approvals.Storage;
using Approvals.Testing;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Server.Tests;

/// <summary>
/// Two authorities in one deployment: the settings block (the first, <c>principale</c>) and Pays de Montbéliard
/// Agglomération, stored. A person acting in one asks for the other's objects and finds nothing (404, never 403).
/// </summary>
public sealed partial class AuthorityIsolationTests : IAsyncLifetime
{
    private const string Second = "pma";

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 5, 3, 8, 0, 0, TimeSpan.Zero));
        await host.Services.GetRequiredService<AuthorityDirectory>().SaveAsync(
            new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000") { President = "Charles DEMOUGE", Seat = "Montbéliard" }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Every route that names a dossier, as a reader of another authority would ask it.</summary>
    public static TheoryData<string, string, string> DossierRoutes => new()
    {
        { "GET", "/api/dossiers/{id}", "" },
        { "GET", "/api/dossiers/{id}/register/verify", "" },
        { "GET", "/api/dossiers/{id}/documents", "" },
        { "GET", "/api/dossiers/{id}/documents/any", "" },
        { "GET", "/api/dossiers/{id}/convention.pdf", "" },
        { "GET", "/api/dossiers/{id}/convention.docx", "" },
        { "GET", "/api/dossiers/{id}/archive.zip", "" },
        { "POST", "/api/dossiers/{id}/withdrawal", """{ "on": "2022-05-03", "reason": "Projet abandonné" }""" },
        { "POST", "/api/dossiers/{id}/republican-commitment", """{ "signedOn": "2022-05-02", "signatory": "Jean DUPONT" }""" },
    };

    [Theory]
    [MemberData(nameof(DossierRoutes))]
    public async Task GivenADossierOfEachAuthority_WhenAPersonOfOneAsksForTheOthers_ThenNotFound(string method, string route, string body)
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var ours = await CreateAsync(officer, authority: null);
        var theirs = await CreateAsync(officer, Second);

        foreach (var (id, actingIn) in new[] { (theirs, (string?)null), (ours, Second) })
        {
            var response = await SendAsync(officer, method, route.Replace("{id}", id, StringComparison.Ordinal), actingIn, body == "" ? null : JsonNode.Parse(body));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Asked in its own authority the dossier is there: the 404 above is the other authority's, not the route's.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, "GET", $"/api/dossiers/{theirs}", Second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, "GET", $"/api/dossiers/{ours}", null)).StatusCode);
    }

    [Fact]
    public async Task GivenDossiersOfBothAuthorities_WhenListedSearchedOrExported_ThenEachSeesOnlyItsOwn()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var ours = await CreateAsync(officer, authority: null);
        var theirs = await CreateAsync(officer, Second);

        foreach (var (authority, own, other) in new[] { ((string?)null, ours, theirs), (Second, theirs, ours) })
        {
            foreach (var list in new[] { "/api/dossiers", "/api/dossiers?text=CMQ", "/api/dossiers?year=2022", "/api/dossiers?stage=Submitted" })
            {
                var ids = (await (await SendAsync(officer, "GET", list, authority)).JsonAsync()).GetProperty("items").EnumerateArray()
                    .Select(d => d.GetProperty("dossierId").GetString()).ToList();
                Assert.Equal([own], ids);
            }

            var csv = await (await SendAsync(officer, "GET", "/api/exports/finance.csv", authority)).Content.ReadAsStringAsync();
            // A row starts with its dossier's number ("SUB-2022-0001" is also the end of "PMA-SUB-2022-0001").
            Assert.Contains($"\n{own};", csv, StringComparison.Ordinal);
            Assert.DoesNotContain($"\n{other};", csv, StringComparison.Ordinal);
        }
    }

    /// <summary>Budget lines are one authority's: asked for by a person acting in the other, they do not exist.</summary>
    [Fact]
    public async Task GivenBudgetLinesOfEachAuthority_WhenAPersonOfOneAsksForTheOthers_ThenNotFoundAndNeverListed()
    {
        var finance = await host.SignInAsync(Role.Finance);
        // A line written before authorities were data, raw as that version wrote it: the first authority's.
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await host.Services.GetRequiredService<TableServiceClient>().GetTableClient(storage.BudgetLinesTable).AddEntityAsync(new TableEntity("2022", "65-25-6574")
        {
            ["Year"] = 2022,
            ["Code"] = "65-25-6574",
            ["Label"] = "Ligne d'avant",
            ["Voted"] = "3000",
        });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(finance, "PUT", "/api/budget-lines/2022/65-23-6574", null, JsonNode.Parse("""{ "label": "Grand Besançon", "voted": 1000 }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(finance, "PUT", "/api/budget-lines/2022/65-24-6574", Second, JsonNode.Parse("""{ "label": "Montbéliard", "voted": 2000 }"""))).StatusCode);

        foreach (var (authority, own, others) in new[] { ((string?)null, new[] { "65-23-6574", "65-25-6574" }, new[] { "65-24-6574" }), (Second, ["65-24-6574"], ["65-23-6574", "65-25-6574"]) })
        {
            var listed = (await (await SendAsync(finance, "GET", "/api/budget-lines", authority)).JsonAsync()).EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();
            Assert.Equal(own, listed);
            foreach (var code in own)
            {
                Assert.Equal(HttpStatusCode.OK, (await SendAsync(finance, "GET", $"/api/budget-lines/2022/{code}", authority)).StatusCode);
            }

            foreach (var code in others)
            {
                var response = await SendAsync(finance, "GET", $"/api/budget-lines/2022/{code}", authority);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("budget-line.not-found", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString());
            }
        }

        // A line registered in one authority under the other's code is its own: the other's is unchanged.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(finance, "PUT", "/api/budget-lines/2022/65-24-6574", null, JsonNode.Parse("""{ "label": "Homonyme", "voted": 5 }"""))).StatusCode);
        var theirs = await (await SendAsync(finance, "GET", "/api/budget-lines/2022/65-24-6574", Second)).JsonAsync();
        Assert.Equal(("Montbéliard", 2000m), (theirs.GetProperty("label").GetString(), theirs.GetProperty("voted").GetDecimal()));
    }

    [Fact]
    public async Task GivenAPersonWithADifferentRoleInEachAuthority_WhenActingInEach_ThenTheRoleIsThatAuthoritysAndAnUnassignedOneFallsBack()
    {
        var assignments = host.Services.GetRequiredService<IRoleAssignments>();
        var directory = host.Services.GetRequiredService<AuthorityDirectory>();
        // The first authority's role written the old way: a row without an authority, as before authorities were data.
        var table = host.Services.GetRequiredService<TableServiceClient>().GetTableClient(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.RoleAssignmentsTable);
        await table.AddEntityAsync(new TableEntity("people", "person|nora@collectivite.example.fr")
        {
            ["Person"] = "nora@collectivite.example.fr",
            ["Role"] = "Reader",
            ["AssignedBy"] = "Alice",
            ["AssignedAt"] = DateTimeOffset.UnixEpoch,
        });
        await assignments.ChangeAsync("nora@collectivite.example.fr", Role.Finance, "Alice", DateTimeOffset.UnixEpoch, CancellationToken.None, Second);
        await assignments.ChangeAsync("noah@collectivite.example.fr", Role.CaseOfficer, "Alice", DateTimeOffset.UnixEpoch, CancellationToken.None, Second);
        var options = host.Services.GetRequiredService<IdentityOptions>();

        async Task<Actor> ActingAsync(string email, string? requested)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PersonSession.SubjectClaim, "s-" + email), new Claim(PersonSession.EmailClaim, email)], "test"));
            var identity = await PersonSession.ResolveAsync(principal, options, assignments, directory.First.Id, CancellationToken.None);
            var context = new DefaultHttpContext { RequestServices = host.Services };
            if (requested is not null)
            {
                context.Request.Headers[CurrentAuthority.Header] = requested;
            }

            return Assert.IsType<CallerIdentity.Known>(await CurrentAuthority.ScopeAsync(context, identity, directory)).Actor;
        }

        Assert.Equal((Role.Reader, (string?)null), await RoleInAsync("nora@collectivite.example.fr", null));
        Assert.Equal((Role.Finance, Second), await RoleInAsync("nora@collectivite.example.fr", Second));
        Assert.Equal((Role.CaseOfficer, Second), await RoleInAsync("noah@collectivite.example.fr", directory.First.Id));

        async Task<(Role, string?)> RoleInAsync(string email, string? requested) => await ActingAsync(email, requested) is var actor ? (actor.Role, actor.AuthorityId) : default;
    }

    private static async Task<string> CreateAsync(HttpClient client, string? authority)
    {
        var request = SeedRequests.Request;
        request["object"] = request["object"]!.GetValue<string>() + " " + Guid.NewGuid().ToString("N")[..6];
        var response = await SendAsync(client, "POST", "/api/dossiers", authority, request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string? authority, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body ?? new JsonObject());
        }

        if (authority is not null)
        {
            request.Headers.Add(CurrentAuthority.Header, authority);
        }

        return await client.SendAsync(request);
    }
}
