using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Approvals.Api;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>
/// Issue 12 points 12 (CSRF), 13 (security headers, download disposition) and 14 (open redirect after the development
/// sign-in), on the real server over a loopback port.
/// </summary>
public sealed class WebSecurityTests(WebSecurityTests.ServerFixture fixture) : IClassFixture<WebSecurityTests.ServerFixture>, IAsyncLifetime
{
    private readonly ApprovalsServerHost host = fixture.Host;
    private HttpClient officer = null!;
    private string id = "";

    /// <summary>Each test has its own dossier on the shared server.</summary>
    public async Task InitializeAsync()
    {
        officer = await host.SignInAsync(Role.CaseOfficer);
        id = (await (await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request)).JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GivenASignedInVictim_WhenAnotherSitePostsAMultipartUploadWithTheirCookie_ThenItIsRefusedAndNothingIsAttached()
    {
        var victim = await CrossSiteSignedInAsync(Role.CaseOfficer);
        using var form = new MultipartFormDataContent { { new StringContent("BankDetails"), "kind" } };
        form.Add(new ByteArrayContent(LifecycleApiTests.SamplePdf("RIB")), "file", "rib.pdf");

        var upload = await victim.PostAsync($"/api/dossiers/{id}/documents", form);

        await AssertRefusedAsync(upload);
        var documents = await (await officer.GetAsync($"/api/dossiers/{id}/documents")).JsonAsync();
        Assert.Equal(0, documents.GetArrayLength());
    }

    [Fact]
    public async Task GivenFinanceSignedIn_WhenAnotherSitePostsAPlainFormToRetryAMail_ThenItIsRefused()
    {
        var finance = await CrossSiteSignedInAsync(Role.Finance);

        var retry = await finance.PostAsync($"/api/outbox/{id}/000001-01/retry", new FormUrlEncodedContent([]));

        await AssertRefusedAsync(retry);
    }

    [Fact]
    public async Task GivenTheApplicationHeader_WhenTheBrowserSaysTheRequestCameFromAnotherSite_ThenItIsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers")
        {
            Content = new StringContent(SeedRequests.Request.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        var before = (await (await officer.GetAsync("/api/dossiers?take=200")).JsonAsync()).GetProperty("items").GetArrayLength();

        await AssertRefusedAsync(await officer.SendAsync(request));
        var after = (await (await officer.GetAsync("/api/dossiers?take=200")).JsonAsync()).GetProperty("items").GetArrayLength();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task GivenNoApplicationHeader_WhenAFormSignsSomeoneIn_ThenNoCookieIsSet()
    {
        var response = await host.CrossSite().PostAsync("/dev/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Mallory", ["role"] = "Finance" }));

        await AssertRefusedAsync(response);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task GivenAPageAndAnApiAnswer_WhenServed_ThenBothCarryTheSecurityHeadersAndTheApiAnswerIsNeverStored()
    {
        var page = await host.Anonymous().GetAsync("/dossier.html");
        var api = await officer.GetAsync($"/api/dossiers/{id}");
        var problem = await host.Anonymous().GetAsync("/api/dossiers");

        foreach (var response in new[] { page, api, problem })
        {
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS in Development");
        }

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(api.Headers.CacheControl?.NoStore, "API JSON must not be stored");
        Assert.True(problem.Headers.CacheControl?.NoStore, "API problems must not be stored");
    }

    [Fact]
    public async Task GivenProduction_WhenAnythingIsServed_ThenItCarriesHsts()
    {
        await using var production = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3), environment: "Production");

        var health = await production.Anonymous().GetAsync("/health");
        var page = await production.Anonymous().GetAsync("/index.html");

        Assert.StartsWith("max-age=31536000", Header(health, "Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", Header(page, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task GivenAnUploadedDocument_WhenItsDownloadLinkIsFollowed_ThenTheStorageServesItAsAnAttachment()
    {
        using var form = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" } };
        form.Add(new ByteArrayContent(LifecycleApiTests.SamplePdf("<html><script>alert(1)</script>")), "file", "statuts.pdf");
        var document = await (await officer.PostAsync($"/api/dossiers/{id}/documents", form)).JsonAsync();

        var redirect = await officer.GetAsync($"/api/dossiers/{id}/documents/{document.GetProperty("documentId").GetString()}");
        using var storage = new HttpClient();
        var file = await storage.GetAsync(redirect.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("statuts.pdf", file.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/\n/evil.example/", "/")]
    [InlineData("/ /evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("evil.example", "/")]
    [InlineData("/dossier.html?id=SUB-2022-0001", "/dossier.html?id=SUB-2022-0001")]
    public async Task GivenAReturnAddress_WhenSigningIn_ThenOnlyALocalPathIsFollowed(string back, string expected)
    {
        var response = await host.Anonymous().PostAsync("/dev/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Claire Martin",
            ["role"] = "CaseOfficer",
            ["retour"] = back,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    /// <summary>A browser signed in on the application, then sending from another site: the cookie goes along, the application's header does not.</summary>
    private async Task<HttpClient> CrossSiteSignedInAsync(Role role)
    {
        var client = host.CrossSite();
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/dev/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Victime", ["role"] = role.ToString() }),
        };
        signIn.Headers.Add(RequestOrigin.Header, "1");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(signIn)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        return client;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("https://approvals.local/problems/request.origin", problem.RootElement.GetProperty("type").GetString());
        Assert.Contains(RequestOrigin.Header, problem.RootElement.GetProperty("detail").GetString());
    }

    public sealed class ServerFixture : IAsyncLifetime
    {
        public ApprovalsServerHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");
}
