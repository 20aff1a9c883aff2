using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Api;
using Approvals.Application;
using Approvals.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>
/// Issue point 6: every route of the API × every role and no identity. Without identity: 401; with a role the route
/// does not allow: 403; with one it allows: the request passes and is judged on its merits (2xx, or 409/422 for a
/// command the dossier's stage or the data refuse: the matrix does not walk a dossier to each command's stage).
/// </summary>
public sealed class RoleMatrixTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private static readonly Role[] People = [Role.CaseOfficer, Role.Secretariat, Role.Finance, Role.Reader, Role.Administrator];

    private readonly ApprovalsServerHost host = fixture.Host;

    [Fact]
    public async Task Every_route_answers_401_without_identity_403_with_a_wrong_role_and_passes_with_a_right_one()
    {
        Walks.MoveTo(host, Walks.Paris(2022, 6, 29));
        var id = await Walks.CreateAsync(host, new DateOnly(2022, 5, 2));
        var clients = new Dictionary<Role, HttpClient>();
        var crossSite = new Dictionary<Role, HttpClient>();
        foreach (var role in People)
        {
            clients[role] = await host.SignInAsync(role, $"Personne {role}");
            crossSite[role] = await CrossSiteAsync(host, role);
        }

        using var upload = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" } };
        upload.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")), "file", "statuts-signes.pdf");
        var document = await Walks.OkAsync(clients[Role.CaseOfficer].PostAsync($"/api/dossiers/{id}/documents", upload));

        var routes = Routes(id, document.GetProperty("documentId").GetString()!);
        Assert.Equal(ApiRoutes().Order(), routes.Select(r => r.Pattern).Distinct().Order());
        Assert.Equal(Permissions.Keys.Order(), routes.Select(r => $"{r.Method} {r.Pattern}").Order());
        routes = [.. routes.Select(r => r with { Allowed = Permissions[$"{r.Method} {r.Pattern}"] })];
        var cells = 0;
        var passed = new SortedDictionary<int, int>();
        foreach (var route in routes)
        {
            var anonymous = await route.SendAsync(host.Anonymous());
            await anonymous.ProblemAsync(401);
            if (route.Method != "GET")
            {
                // Issue 12 point 12: the right role, its cookie, but not the application's header (a form or no-cors fetch of another site).
                var forged = await (await route.SendAsync(crossSite[route.Allowed[0]])).ProblemAsync(403);
                Assert.EndsWith("request.origin", forged.GetProperty("type").GetString());
            }

            foreach (var role in People)
            {
                var response = await route.SendAsync(clients[role]);
                var status = (int)response.StatusCode;
                if (route.Allowed.Contains(role))
                {
                    passed[status] = passed.GetValueOrDefault(status) + 1;
                    Assert.True(route.Passed.Contains(status), $"{route.Method} {route.Pattern} as {role}: {status} {await response.Content.ReadAsStringAsync()}");
                }
                else
                {
                    var problem = await response.ProblemAsync(403);
                    Assert.Contains(RoleLabels.Of(route.Allowed[0]), problem.GetProperty("detail").GetString());
                }

                cells++;
            }
        }

        output.WriteLine($"{routes.Count} routes × ({People.Length} roles + anonymous) = {cells + routes.Count} checks; allowed roles got {string.Join(", ", passed.Select(p => $"{p.Key} × {p.Value}"))}");
    }

    /// <summary>The positive control of the Production test below: a cookie made with the host's own keys is honoured in Development.</summary>
    [Fact]
    public async Task In_development_a_sign_in_cookie_made_with_the_host_keys_is_honoured()
    {
        var client = WithCookie(host, "Mallory", Role.Finance);

        var me = await Walks.OkAsync(client.GetAsync("/api/me"));

        Assert.Equal("Finance", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Outside_development_there_is_no_sign_in_and_its_cookie_is_not_honoured()
    {
        await using var production = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), environment: "Production");
        var anonymous = production.Anonymous();

        var signIn = await anonymous.PostAsync("/dev/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Mallory", ["role"] = "Finance" }));
        var forged = WithCookie(production, "Mallory", Role.Finance);
        var appService = production.Anonymous();
        appService.DefaultRequestHeaders.Add(AppServicePrincipal.Header, Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\":[{\"typ\":\"name\",\"val\":\"Mallory\"},{\"typ\":\"roles\",\"val\":\"Finance\"}]}")));

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Empty(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []);
        await (await forged.GetAsync("/api/me")).ProblemAsync(401);
        await (await forged.PostJsonAsync("/api/dossiers", Bodies.Request(new DateOnly(2022, 5, 2)))).ProblemAsync(401);
        await (await appService.GetAsync("/api/dossiers")).ProblemAsync(401);
        await (await forged.GetAsync("/api/mailbox")).ProblemAsync(404);
    }

    /// <summary>
    /// Issue 12 point 15: behind App Service, only exactly one role claim naming a role is honoured. A number (which
    /// <c>Enum.TryParse</c> took, <c>"2"</c> meaning Finance, <c>"7"</c> answering 500 at <c>/api/me</c>), a list in one claim,
    /// the system's role, several roles or none at all: 403 on every route, <c>/api/me</c> included, saying whom to ask.
    /// </summary>
    [Fact]
    public async Task Behind_app_service_anything_but_one_role_name_is_refused_with_whom_to_ask_and_no_role_means_no_access()
    {
        await using var azure = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?> { ["Identity:TrustAppServiceHeaders"] = "true" });
        string[][] refused = [["7"], ["2"], ["Finance,Reader"], ["System"], [" Finance"], [], ["Finance", "Reader"]];

        foreach (var roles in refused)
        {
            var client = AppService(azure, "Mallory", roles);
            var label = $"roles [{string.Join("|", roles)}]";
            var me = await client.GetAsync("/api/me");
            var problem = await me.ProblemAsync(403);
            Assert.True(problem.GetProperty("type").GetString()!.EndsWith("identity.no-role", StringComparison.Ordinal), label);
            Assert.Contains("administrateur", problem.GetProperty("detail").GetString());
            await (await client.GetAsync("/api/dossiers")).ProblemAsync(403);
            await (await client.PostJsonAsync("/api/dossiers", Bodies.Request(new DateOnly(2022, 5, 2)))).ProblemAsync(403);
        }

        var finance = await Walks.OkAsync(AppService(azure, "Paul Trésor", ["Finance"]).GetAsync("/api/me"));
        Assert.Equal("Finance", finance.GetProperty("role").GetString());
        Assert.Equal("Paul Trésor", finance.GetProperty("name").GetString());
        Assert.Empty((await Walks.OkAsync(AppService(azure, "Paul Trésor", ["Finance"]).GetAsync("/api/dossiers"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Behind_app_service_a_setting_may_give_a_role_to_people_without_one()
    {
        await using var azure = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?>
        {
            ["Identity:TrustAppServiceHeaders"] = "true",
            ["Identity:RoleWithoutClaim"] = "Reader",
        });
        var client = AppService(azure, "Lise Lecture", []);

        var me = await Walks.OkAsync(client.GetAsync("/api/me"));

        Assert.Equal("Reader", me.GetProperty("role").GetString());
        await (await client.PostJsonAsync("/api/dossiers", Bodies.Request(new DateOnly(2022, 5, 2)))).ProblemAsync(403);
        await (await AppService(azure, "Mallory", ["7"]).GetAsync("/api/me")).ProblemAsync(403);
    }

    /// <summary>
    /// Issue 15, in Azure: App Service authentication gives the person's role in the first authority; the assignments
    /// Approvals keeps give their roles in the others, and all of them when the provider sends no role claim, as for a
    /// person signed in to the server. Keyed by the address App Service forwards, or by the Entra ID object id.
    /// </summary>
    [Fact]
    public async Task Behind_app_service_the_role_assignments_kept_by_approvals_give_the_roles_in_the_other_authorities()
    {
        await using var azure = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3), new Dictionary<string, string?> { ["Identity:TrustAppServiceHeaders"] = "true" });
        await azure.Service<AuthorityDirectory>().SaveAsync(new GrantingAuthority("pma", "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
        var assignments = azure.Service<IRoleAssignments>();
        var now = DateTimeOffset.UtcNow;
        await assignments.ChangeAsync("paul.tresor@example.fr", Role.CaseOfficer, "Admin", now, CancellationToken.None, "pma");
        await assignments.ChangeAsync("5d1c7a0e-0000-4000-8000-000000000001", Role.Reader, "Admin", now, CancellationToken.None);

        var paul = AppService(azure, "Paul Trésor", ["Finance"], ("preferred_username", "Paul.Tresor@example.fr"));
        var first = await Walks.OkAsync(paul.GetAsync("/api/me"));
        Assert.Equal("Finance", first.GetProperty("role").GetString());
        Assert.Equal(
            new[] { azure.Service<AuthorityDirectory>().First.Id, "pma" }.Order(),
            first.GetProperty("authorities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).Order());
        paul.DefaultRequestHeaders.Add(CurrentAuthority.Header, "pma");
        var second = await Walks.OkAsync(paul.GetAsync("/api/me"));
        Assert.Equal(("CaseOfficer", "pma"), (second.GetProperty("role").GetString(), second.GetProperty("authority").GetString()));

        var lise = AppService(azure, "Lise Lecture", [], ("http://schemas.microsoft.com/identity/claims/objectidentifier", "5d1c7a0e-0000-4000-8000-000000000001"));
        Assert.Equal("Reader", (await Walks.OkAsync(lise.GetAsync("/api/me"))).GetProperty("role").GetString());
        var stranger = await (await AppService(azure, "Mallory", [], ("preferred_username", "mallory@example.fr")).GetAsync("/api/me")).ProblemAsync(403);
        Assert.Contains("mallory@example.fr", stranger.GetProperty("detail").GetString());
    }

    /// <summary>Signed in with <paramref name="role"/>, then sending without the application's CSRF header.</summary>
    private static async Task<HttpClient> CrossSiteAsync(ApprovalsServerHost target, Role role)
    {
        var client = target.CrossSite();
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/dev/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = $"Victime {role}", ["role"] = role.ToString() }),
        };
        signIn.Headers.Add(RequestOrigin.Header, "1");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(signIn)).StatusCode);
        return client;
    }

    /// <summary>A client as App Service authentication forwards it: the principal header with a name, these role claims and <paramref name="more"/>.</summary>
    private static HttpClient AppService(ApprovalsServerHost target, string name, IEnumerable<string> roles, params (string Type, string Value)[] more)
    {
        var claims = new JsonArray(new JsonObject { ["typ"] = "name", ["val"] = name });
        foreach (var role in roles)
        {
            claims.Add(new JsonObject { ["typ"] = "roles", ["val"] = role });
        }

        foreach (var (type, value) in more)
        {
            claims.Add(new JsonObject { ["typ"] = type, ["val"] = value });
        }

        var client = target.Anonymous();
        client.DefaultRequestHeaders.Add(AppServicePrincipal.Header, Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["claims"] = claims }.ToJsonString())));
        return client;
    }

    /// <summary>The development cookie as ApiIdentity writes it, protected with <paramref name="target"/>'s own data-protection keys.</summary>
    private static HttpClient WithCookie(ApprovalsServerHost target, string name, Role role)
    {
        var value = target.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Approvals.DevelopmentSignIn").Protect($"{name}\n{role}");
        var client = target.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", $"{ApiIdentity.DevelopmentCookie}={value}");
        return client;
    }

    /// <summary>Every /api route pattern the server maps, to prove the matrix misses none.</summary>
    private IEnumerable<string> ApiRoutes() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Where(p => p.StartsWith("/api", StringComparison.Ordinal))
            // The beneficiaries' portal has no roles: its own session, tested by Approvals.Server.Tests' Portal*Tests.
            .Where(p => !p.StartsWith("/api/portal/", StringComparison.Ordinal))
            .Distinct();

    private static List<Route> Routes(string id, string documentId)
    {
        var day = new DateOnly(2022, 6, 29);
        var bodies = new Dictionary<string, JsonObject>
        {
            ["vote"] = Bodies.Vote(new DateOnly(2022, 6, 9)),
            ["republican-commitment"] = new() { ["signedOn"] = Bodies.Day(day), ["signatory"] = "Pascal Vairac" },
            ["documents-request"] = new() { ["documents"] = new JsonArray("Statutes"), ["message"] = "Merci de joindre vos statuts à jour." },
            ["session-without-quorum"] = new() { ["sessionDate"] = Bodies.Day(day), ["assembly"] = "Bureau", ["membersInOffice"] = 5, ["present"] = 1, ["represented"] = 0 },
            ["transmission"] = Bodies.Transmission(day),
            ["transmission-failure"] = new() { ["on"] = Bodies.Day(day), ["reason"] = "Erreur de la plateforme" },
            ["acknowledgment"] = Bodies.Acknowledgment(new DateOnly(2022, 6, 9), day),
            ["prefecture-letters"] = new() { ["receivedOn"] = Bodies.Day(day), ["kind"] = "Plain", ["summary"] = "Courrier simple" },
            ["additional-documents"] = new() { ["sentOn"] = Bodies.Day(day) },
            ["observations-answer"] = new() { ["receivedOn"] = Bodies.Day(day), ["summary"] = "Réponse" },
            ["publication"] = new() { ["publishedOn"] = Bodies.Day(day), ["medium"] = "Site internet" },
            ["court-referral"] = new() { ["lodgedOn"] = Bodies.Day(day), ["suspensionRequested"] = false, ["summary"] = "Déféré" },
            ["suspension-order"] = new() { ["orderedOn"] = Bodies.Day(day), ["summary"] = "Suspension" },
            ["suspension-lifting"] = new() { ["on"] = Bodies.Day(day), ["summary"] = "Levée" },
            ["court-decision"] = new() { ["decidedOn"] = Bodies.Day(day), ["annulled"] = false, ["summary"] = "Rejet du déféré" },
            ["signature"] = Bodies.Signature(day),
            ["notification"] = Bodies.Notification(day),
            ["payment-requests"] = Bodies.PaymentRequest(day),
            ["payments"] = Bodies.Payment(day, 100, "MANDAT-1"),
            ["report"] = new() { ["receivedOn"] = Bodies.Day(day), ["realEligibleCosts"] = 15_790 },
            ["report-acceptance"] = new() { ["acceptedOn"] = Bodies.Day(day) },
            ["recovery"] = new() { ["orderedOn"] = Bodies.Day(day), ["reason"] = "OtherUse", ["amount"] = 100 },
            ["formal-notice"] = new() { ["sentOn"] = Bodies.Day(day), ["breach"] = "Actions non réalisées" },
            ["formal-notice-lifting"] = new() { ["on"] = Bodies.Day(day), ["reason"] = "Actions reprises" },
            ["termination"] = new() { ["terminatedOn"] = Bodies.Day(day) },
            ["termination-without-notice"] = new() { ["terminatedOn"] = Bodies.Day(day), ["grounds"] = "Fausses déclarations" },
            ["withdrawal"] = new() { ["on"] = Bodies.Day(day), ["reason"] = "Projet abandonné" },
        };
        var preview = Bodies.Vote(new DateOnly(2022, 6, 9));
        foreach (var field in new[] { "reportNumber", "rapporteur", "assembly", "sessionDate", "amountVoted" })
        {
            preview.Remove(field);
        }

        var routes = CommandRoutes.All.Select(c => Route.Post($"/api/dossiers/{{id}}/{c.Segment}", $"/api/dossiers/{id}/{c.Segment}", c.Roles, bodies[c.Segment])).ToList();
        routes.AddRange(
        [
            Route.Post("/api/dossiers", "/api/dossiers", CommandRoutes.Create, Bodies.Request(new DateOnly(2022, 5, 2))),
            new Route("POST", "/api/dossiers/{id}/documents", $"/api/dossiers/{id}/documents", CommandRoutes.Documents, [200, 201], () =>
            {
                var form = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" } };
                form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "file", "statuts.pdf");
                return form;
            }),
            new Route("POST", "/api/outbox/{dossierId}/{itemId}/retry", $"/api/outbox/{id}/000001-01/retry", CommandRoutes.RetryMail, Judged, () => null),
            Route.Post("/api/votes/preview", "/api/votes/preview", CommandRoutes.Read, preview),
            Route.Get("/api/dossiers", "/api/dossiers"),
            Route.Get("/api/dossiers/{id}", $"/api/dossiers/{id}"),
            Route.Get("/api/dossiers/{id}/register/verify", $"/api/dossiers/{id}/register/verify"),
            Route.Get("/api/dossiers/{id}/documents", $"/api/dossiers/{id}/documents"),
            Route.Get("/api/dossiers/{id}/documents/{documentId}", $"/api/dossiers/{id}/documents/{documentId}"),
            Route.Get("/api/deadlines", "/api/deadlines"),
            Route.Get("/api/outbox/failed", "/api/outbox/failed"),
            Route.Get("/api/me", "/api/me", RoleNames.People),
            Route.Get("/api/role-assignments", "/api/role-assignments", RoleAssignmentsApi.Manage),
            new Route("PUT", "/api/role-assignments/{person}", "/api/role-assignments/lise.lecture@collectivite.example.fr", RoleAssignmentsApi.Manage, [200],
                () => new StringContent("{\"role\":\"Reader\"}", Encoding.UTF8, "application/json")),
            new Route("DELETE", "/api/role-assignments/{person}", "/api/role-assignments/lise.lecture@collectivite.example.fr", RoleAssignmentsApi.Manage, [204], () => null),
            Route.Get("/api/role-audit", "/api/role-audit", RoleAssignmentsApi.Manage),
            Route.Get("/api/clocks", "/api/clocks"),
            new Route("POST", "/api/clocks/{id}/restart", $"/api/clocks/{id}/restart", ClocksApi.Restart, Judged, () => null),
            Route.Get("/api/mailbox", "/api/mailbox"),
            Route.Get("/api/mailbox/{id}", "/api/mailbox/no-such-mail") with { Passed = [404] },
            Route.Get("/api/budget-lines", "/api/budget-lines"),
            new Route("PUT", "/api/budget-lines/{year:int}/{code}", "/api/budget-lines/2022/65-23-6574", FinanceApi.ManageBudget, [200, 204],
                () => new StringContent("{\"label\":\"Enseignement supérieur\",\"voted\":510000}", Encoding.UTF8, "application/json")),
            new Route("POST", "/api/budget-lines/rebuild", "/api/budget-lines/rebuild", FinanceApi.ManageBudget, [200], () => null),
            Route.Get("/api/programmes", "/api/programmes"),
            Route.Get("/api/portal-inbox", "/api/portal-inbox"),
            new Route("POST", "/api/portal-inbox/{id}/check", $"/api/portal-inbox/{id}/check", CommandRoutes.Create, [404],
                () => new StringContent("{\"outcome\":\"Complete\"}", Encoding.UTF8, "application/json")),
            new Route("POST", "/api/programmes", "/api/programmes", FinanceApi.ManageProgrammes, [201, 409], () => new StringContent(
                "{\"id\":\"cnam-montbeliard\",\"name\":\"Antenne du Cnam\",\"totalBudget\":786000,\"phases\":[{\"label\":\"AIOA\",\"firstYear\":2021,\"lastYear\":2022,\"budget\":null}],\"funders\":[\"PMA\"]}",
                Encoding.UTF8,
                "application/json")),
            Route.Get("/api/programmes/{id}", "/api/programmes/no-such-programme") with { Passed = [404] },
            Route.Get("/api/programmes/{id}/chart.svg", "/api/programmes/no-such-programme/chart.svg") with { Passed = [404] },
            Route.Get("/api/exports/finance.csv", "/api/exports/finance.csv", FinanceApi.Export),
            Route.Get("/api/exports/finance.xlsx", "/api/exports/finance.xlsx", FinanceApi.Export),
            Route.Get("/api/exports/scdl.csv", "/api/exports/scdl.csv", FinanceApi.Export),
            Route.Get("/api/dossiers/{id}/convention.docx", $"/api/dossiers/{id}/convention.docx"),
            Route.Get("/api/dossiers/{id}/convention.pdf", $"/api/dossiers/{id}/convention.pdf"),
            Route.Get("/api/dossiers/{id}/archive.zip", $"/api/dossiers/{id}/archive.zip"),
        ]);
        return routes;
    }

    private const string C = "CaseOfficer", S = "Secretariat", F = "Finance", R = "Reader", A = "Administrator";

    /// <summary>
    /// Issue 17 item 8: who may use each route, written by hand from docs/api.md (its role table and the roles it gives
    /// each route), not read from the code under test. Roles by name: CaseOfficer, Secretariat, Finance, Reader, Administrator.
    /// </summary>
    private static readonly Dictionary<string, Role[]> Permissions = new Dictionary<string, string[]>
    {
        ["POST /api/dossiers"] = [C],
        ["POST /api/dossiers/{id}/documents"] = [C, S, F],
        ["POST /api/dossiers/{id}/republican-commitment"] = [C],
        ["POST /api/dossiers/{id}/documents-request"] = [C],
        ["POST /api/dossiers/{id}/session-without-quorum"] = [S],
        ["POST /api/dossiers/{id}/vote"] = [S],
        ["POST /api/dossiers/{id}/transmission"] = [C, S],
        ["POST /api/dossiers/{id}/transmission-failure"] = [C, S],
        ["POST /api/dossiers/{id}/acknowledgment"] = [C, S],
        ["POST /api/dossiers/{id}/prefecture-letters"] = [C, S],
        ["POST /api/dossiers/{id}/additional-documents"] = [C, S],
        ["POST /api/dossiers/{id}/observations-answer"] = [C, S],
        ["POST /api/dossiers/{id}/publication"] = [S],
        ["POST /api/dossiers/{id}/court-referral"] = [S],
        ["POST /api/dossiers/{id}/suspension-order"] = [S],
        ["POST /api/dossiers/{id}/suspension-lifting"] = [S],
        ["POST /api/dossiers/{id}/court-decision"] = [S],
        ["POST /api/dossiers/{id}/signature"] = [C, S],
        ["POST /api/dossiers/{id}/notification"] = [C],
        ["POST /api/dossiers/{id}/payment-requests"] = [F],
        ["POST /api/dossiers/{id}/payments"] = [F],
        ["POST /api/dossiers/{id}/report"] = [C, F],
        ["POST /api/dossiers/{id}/report-acceptance"] = [F],
        ["POST /api/dossiers/{id}/recovery"] = [F],
        ["POST /api/dossiers/{id}/formal-notice"] = [C],
        ["POST /api/dossiers/{id}/formal-notice-lifting"] = [C],
        ["POST /api/dossiers/{id}/termination"] = [F],
        ["POST /api/dossiers/{id}/termination-without-notice"] = [F],
        ["POST /api/dossiers/{id}/withdrawal"] = [C],
        ["POST /api/outbox/{dossierId}/{itemId}/retry"] = [F],
        ["POST /api/votes/preview"] = [C, S, F, R],
        ["GET /api/dossiers"] = [C, S, F, R],
        ["GET /api/dossiers/{id}"] = [C, S, F, R],
        ["GET /api/dossiers/{id}/register/verify"] = [C, S, F, R],
        ["GET /api/dossiers/{id}/documents"] = [C, S, F, R],
        ["GET /api/dossiers/{id}/documents/{documentId}"] = [C, S, F, R],
        ["GET /api/deadlines"] = [C, S, F, R],
        ["GET /api/outbox/failed"] = [C, S, F, R],
        ["GET /api/me"] = [C, S, F, R, A],
        ["GET /api/role-assignments"] = [A],
        ["PUT /api/role-assignments/{person}"] = [A],
        ["DELETE /api/role-assignments/{person}"] = [A],
        ["GET /api/role-audit"] = [A],
        ["GET /api/portal-inbox"] = [C, S, F, R],
        ["POST /api/portal-inbox/{id}/check"] = [C],
        ["GET /api/clocks"] = [C, S, F, R, A],
        ["POST /api/clocks/{id}/restart"] = [F, A],
        ["GET /api/mailbox"] = [C, S, F, R],
        ["GET /api/mailbox/{id}"] = [C, S, F, R],
        ["GET /api/budget-lines"] = [C, S, F, R],
        ["PUT /api/budget-lines/{year:int}/{code}"] = [F],
        ["POST /api/budget-lines/rebuild"] = [F],
        ["GET /api/programmes"] = [C, S, F, R],
        ["POST /api/programmes"] = [F, C],
        ["GET /api/programmes/{id}"] = [C, S, F, R],
        ["GET /api/programmes/{id}/chart.svg"] = [C, S, F, R],
        ["GET /api/exports/finance.csv"] = [F, R, C],
        ["GET /api/exports/finance.xlsx"] = [F, R, C],
        ["GET /api/exports/scdl.csv"] = [F, R, C],
        ["GET /api/dossiers/{id}/convention.docx"] = [C, S, F, R],
        ["GET /api/dossiers/{id}/convention.pdf"] = [C, S, F, R],
        ["GET /api/dossiers/{id}/archive.zip"] = [C, S, F, R],
    }.ToDictionary(p => p.Key, p => p.Value.Select(Enum.Parse<Role>).ToArray());

    /// <summary>What a command may answer once past authorisation: done, or refused for the stage or the data.</summary>
    private static readonly int[] Judged = [200, 201, 409, 422];

    /// <param name="Passed">The statuses expected with an allowed role.</param>
    private sealed record Route(string Method, string Pattern, string Url, IReadOnlyList<Role> Allowed, int[] Passed, Func<HttpContent?> Content)
    {
        public static Route Post(string pattern, string url, IReadOnlyList<Role> allowed, JsonObject body) =>
            new("POST", pattern, url, allowed, Judged, () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        public static Route Get(string pattern, string url, IReadOnlyList<Role>? allowed = null) =>
            new("GET", pattern, url, allowed ?? CommandRoutes.Read, [200, 302], () => null);

        public Task<HttpResponseMessage> SendAsync(HttpClient client) =>
            client.SendAsync(new HttpRequestMessage(new HttpMethod(Method), Url) { Content = Content() });
    }
}
