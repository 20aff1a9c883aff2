using Approvals.Testing;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// The server's OpenID Connect sign-in against a real provider (npm oidc-provider) started by the test, driven in
/// Chromium: the code flow with PKCE, sign-out, spoiled ID tokens and replayed answers refused, role assignments,
/// and the session's idle and absolute lifetimes (the server's clock is the test's).
/// </summary>
public sealed class OpenIdConnectSignInTests : IAsyncLifetime
{
    private const string Contact = "le service informatique (poste 4321)";
    private static readonly OidcTestUser Claire = new("claire", "claire.martin@collectivite.example.fr", "Claire Martin", ["approvals-instruction"]);
    private static readonly OidcTestUser Admin = new("alice", "alice.admin@collectivite.example.fr", "Alice Admin");

    private OidcTestProvider provider = null!;
    private ApprovalsServerHost host = null!;
    private Browser browser = null!;
    private Uri application = null!;

    public async Task InitializeAsync()
    {
        var port = FreePorts.Pick(1)[0];
        application = new Uri($"http://127.0.0.1:{port}");
        provider = await OidcTestProvider.StartAsync(application, [Claire, Admin]);
        host = await ApprovalsServerHost.StartAsync(DateTimeOffset.UtcNow, provider.Settings(new Dictionary<string, string?>
        {
            ["Identity:OpenIdConnect:RoleClaim"] = "roles",
            ["Identity:OpenIdConnect:RoleMap:approvals-instruction"] = "CaseOfficer",
            ["Identity:OpenIdConnect:IdleTimeout"] = "00:30:00",
            ["Identity:OpenIdConnect:AbsoluteTimeout"] = "01:00:00",
            ["Identity:FirstAdministrator"] = Admin.Email,
            ["Identity:AccessContact"] = Contact,
        }), port: port);
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task GivenARoleClaim_WhenSigningInAtTheProvider_ThenTheListOpensAndSigningOutEndsTheSession()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/index.html");
        await LogInAtProviderAsync(page, Claire.Login);

        await page.WaitForURLAsync("**/index.html");
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("Claire Martin");
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("agent instructeur");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "approvals-session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.Equal(200, await StatusAsync(page, "/api/dossiers"));

        await page.ClickAsync("#sign-out");
        await page.GetByText("Yes, sign me out").ClickAsync();
        await page.WaitForURLAsync("**/deconnexion.html");
        await Assertions.Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "approvals-session");
        Assert.Equal(401, await StatusAsync(page, "/api/me"));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("expired")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    public async Task GivenASpoiledIdToken_WhenTheProviderAnswers_ThenNoSessionOpens(string spoil)
    {
        await provider.SpoilNextIdTokenAsync(spoil);
        var page = await NewPageAsync();
        await page.GotoAsync("/auth/sign-in?retour=%2Findex.html");
        await LogInAtProviderAsync(page, Claire.Login);

        await RefusedAsync(page);
    }

    [Fact]
    public async Task GivenTheNonceOfAnEarlierSignIn_WhenTheProviderAnswersWithIt_ThenNoSessionOpens()
    {
        var earlier = await NewPageAsync();
        await earlier.GotoAsync("/auth/sign-in?retour=%2Findex.html");
        await LogInAtProviderAsync(earlier, Claire.Login);
        await earlier.WaitForURLAsync("**/index.html");

        await provider.SpoilNextIdTokenAsync("stale-nonce");
        var page = await NewPageAsync();
        await page.GotoAsync("/auth/sign-in?retour=%2Findex.html");
        await LogInAtProviderAsync(page, Claire.Login);

        await RefusedAsync(page);
    }

    [Fact]
    public async Task GivenACompletedSignIn_WhenItsAnswerIsReplayed_ThenItIsRefusedInTheSameAndInAnotherBrowser()
    {
        var page = await NewPageAsync();
        string? callback = null;
        page.Request += (_, request) => callback = request.Url.Contains("/signin-oidc?", StringComparison.Ordinal) ? request.Url : callback;
        await page.GotoAsync("/auth/sign-in?retour=%2Findex.html");
        await LogInAtProviderAsync(page, Claire.Login);
        await page.WaitForURLAsync("**/index.html");
        Assert.NotNull(callback);
        Assert.Contains("state=", callback);

        await page.GotoAsync(callback);
        await page.WaitForURLAsync("**/acces.html?echec=connexion");

        var attacker = await NewPageAsync();
        await attacker.GotoAsync(callback);
        await RefusedAsync(attacker);
    }

    [Fact]
    public async Task GivenNoRole_WhenTheAdministratorAssignsOne_ThenThePersonIsRefusedThenAllowed()
    {
        var nora = await NewPageAsync();
        await nora.GotoAsync("/index.html");
        await LogInAtProviderAsync(nora, "nora");
        await nora.WaitForURLAsync("**/acces.html");
        await Assertions.Expect(nora.GetByTestId("no-role")).ToContainTextAsync("aucun rôle ne vous est attribué");
        await Assertions.Expect(nora.GetByTestId("no-role")).ToContainTextAsync(Contact);
        Assert.Equal(403, await StatusAsync(nora, "/api/dossiers"));
        await Browser.ScreenshotAsync(nora, "identity-no-role");

        var admin = await NewPageAsync();
        await admin.GotoAsync("/index.html");
        await LogInAtProviderAsync(admin, Admin.Login);
        await admin.WaitForURLAsync("**/roles.html");
        await admin.FillAsync("#assign-person", "Nora@Collectivite.example.fr");
        await admin.SelectOptionAsync("#assign-role", "CaseOfficer");
        await admin.ClickAsync("#assign-submit");
        await Assertions.Expect(admin.GetByTestId("role-assignment")).ToContainTextAsync("nora@collectivite.example.fr");
        var change = admin.GetByTestId("role-change");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change).ToContainTextAsync("Alice Admin");
        await Assertions.Expect(change).ToContainTextAsync("aucun");
        await Assertions.Expect(change).ToContainTextAsync("agent instructeur");
        await Browser.ScreenshotAsync(admin, "identity-roles");

        await nora.GotoAsync("/index.html");
        await Assertions.Expect(nora.GetByTestId("current-user")).ToContainTextAsync("agent instructeur");
        Assert.Equal(200, await StatusAsync(nora, "/api/dossiers"));
    }

    [Fact]
    public async Task GivenASession_WhenIdleTooLongOrOlderThanTheAbsoluteLifetime_ThenItEnds()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/auth/sign-in?retour=%2Findex.html");
        await LogInAtProviderAsync(page, Claire.Login);
        await page.WaitForURLAsync("**/index.html");
        // A page that calls no API: the list's own calls would send the browser to sign in again once the session ends.
        await page.GotoAsync("/deconnexion.html");

        host.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(401, await StatusAsync(page, "/api/me"));

        await page.GotoAsync("/auth/sign-in?retour=%2Fdeconnexion.html");
        await page.WaitForURLAsync("**/deconnexion.html");
        for (var i = 0; i < 3; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(200, await StatusAsync(page, "/api/me"));
        }

        host.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(401, await StatusAsync(page, "/api/me"));
    }

    [Fact]
    public async Task GivenASessionWhoseRoleIsKeptInStorage_WhenStorageIsDown_ThenTheAnswerIs503NotAnError()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/auth/sign-in?retour=%2Fdeconnexion.html");
        await LogInAtProviderAsync(page, "nora");
        await page.WaitForURLAsync("**/deconnexion.html");

        await host.Azurite.StopAsync();
        var status = await StatusAsync(page, "/api/me");
        await host.Azurite.StartAsync();

        Assert.Equal(503, status);
        Assert.Equal(403, await StatusAsync(page, "/api/me"));
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync(application);
        // The provider's pages import a web font: no request leaves the machine.
        await page.Context.RouteAsync("**/fonts.googleapis.com/**", route => route.AbortAsync());
        return page;
    }

    /// <summary>oidc-provider's development login form: any login, any password.</summary>
    private async Task LogInAtProviderAsync(IPage page, string login)
    {
        await page.WaitForURLAsync($"{provider.Issuer}/interaction/**");
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "any password");
        await page.ClickAsync("button[type=submit]");
    }

    private static async Task RefusedAsync(IPage page)
    {
        await page.WaitForURLAsync("**/acces.html?echec=connexion");
        await Assertions.Expect(page.GetByTestId("sign-in-failed")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "approvals-session");
        Assert.Equal(401, await StatusAsync(page, "/api/me"));
    }

    /// <summary>A request with the browser's cookies, outside the page (whose own scripts may be navigating away).</summary>
    private static async Task<int> StatusAsync(IPage page, string path) => (await page.Context.APIRequest.GetAsync(path)).Status;
}
