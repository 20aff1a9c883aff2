using System.Net;
using Approvals.Server;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>
/// What the server sends to an OpenID provider (a real one, npm oidc-provider) and the cookies it sets outside
/// Development; and the mapping of a provider's role or group values to Approvals roles.
/// </summary>
public sealed class OpenIdConnectSettingsTests : IAsyncLifetime
{
    private OidcTestProvider provider = null!;
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync()
    {
        var port = FreePorts.Pick(1)[0];
        provider = await OidcTestProvider.StartAsync(new Uri($"http://127.0.0.1:{port}"), []);
        host = await ApprovalsServerHost.StartAsync(DateTimeOffset.UtcNow, provider.Settings(), environment: "Production", port: port);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task GivenProductionSettings_WhenSignInStarts_ThenThePushedRequestIsReferencedAndTheCookiesAreSecureHttpOnlyLax()
    {
        var started = await host.Anonymous().GetAsync("/connexion.html?retour=%2Fdossier.html%3Fid%3D1");

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var authorize = started.Headers.Location!;
        Assert.StartsWith($"{provider.Issuer}/auth?", authorize.ToString());
        // The provider offers pushed authorization requests: the request (code, PKCE challenge, nonce, state) went to it
        // over the back channel, and the browser carries only its reference. The provider requires PKCE, so the
        // completed sign-ins of the browser tests prove the challenge was sent.
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"]);
        Assert.Equal(OidcTestProvider.ClientId, query["client_id"]);
        var cookies = started.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count);
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task GivenAnotherSiteAndAForeignReturnAddress_WhenSigningInOrOut_ThenTheReturnStaysLocalAndSignOutNeedsTheHeader()
    {
        var started = await host.Anonymous().GetAsync("/auth/sign-in?retour=%2F%2Fevil.example");
        var signOut = await host.CrossSite().PostAsync("/auth/sign-out", null);

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "grp-finances", "grp-tout-le-personnel" }, new[] { "Finance" })]
    [InlineData(new[] { "GRP-FINANCES" }, new[] { "Finance" })]
    [InlineData(new[] { "grp-tout-le-personnel" }, new string[0])]
    [InlineData(new[] { "grp-finances", "grp-instruction" }, new[] { "Finance", "CaseOfficer" })]
    public void GivenARoleMap_WhenMappingGroups_ThenOnlyMappedValuesGiveRoles(string[] values, string[] expected)
    {
        var map = new Dictionary<string, string> { ["grp-finances"] = "Finance", ["grp-instruction"] = "CaseOfficer" };

        Assert.Equal(expected, SessionPrincipal.MapRoles(values, map));
    }

    [Theory]
    [InlineData(new[] { "Finance" }, new[] { "Finance" })]
    [InlineData(new[] { "finance", "System", "7" }, new[] { "Finance" })]
    public void GivenNoRoleMap_WhenMappingRoles_ThenValuesAreReadAsRoleNames(string[] values, string[] expected) =>
        Assert.Equal(expected, SessionPrincipal.MapRoles(values, new Dictionary<string, string>()));
}
