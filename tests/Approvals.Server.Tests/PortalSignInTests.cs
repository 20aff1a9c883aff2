using System.Net;
using System.Net.Http.Json;
using Approvals.Storage;
using Approvals.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Server.Tests;

/// <summary>The portal's sign-in by one-time link: no enumeration, single use, 30 minutes, this site only, rate limits, CSRF.</summary>
public sealed class PortalSignInTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3), new Dictionary<string, string?>
    {
        ["Portal:LinksPerAddressPerHour"] = "3",
        ["Portal:RequestsPerClientPerHour"] = "12",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAKnownAndAnUnknownAddress_WhenALinkIsAsked_ThenTheAnswersAreTheSameAndOnlyTheTokensHashIsStored()
    {
        var known = await PortalApi.SignInAsync(host, "known@asso.example.fr");
        Assert.Equal(HttpStatusCode.Created, (await known.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).StatusCode);

        var client = host.Anonymous();
        var forKnown = await PortalApi.AskLinkAsync(client, "known@asso.example.fr");
        var forUnknown = await PortalApi.AskLinkAsync(client, "nobody@asso.example.fr");

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        var token = await PortalApi.TokenAsync(host, "nobody@asso.example.fr", host.Mail.Requests.Count - 1);
        var table = host.Service<TableServiceClient>().GetTableClient(host.Service<IOptions<StorageOptions>>().Value.PortalTable);
        var stored = table.Query<TableEntity>().ToList();
        Assert.Contains(stored, e => e.RowKey == Application.MagicLinks.Hash(token));
        Assert.DoesNotContain(stored, e => e.RowKey.Contains(token) || e.Any(p => p.Value?.ToString()?.Contains(token) == true));
    }

    [Fact]
    public async Task GivenALink_WhenUsedTwice_ThenTheSecondUseIsRefused()
    {
        var client = host.Anonymous();
        await PortalApi.AskLinkAsync(client, "twice@asso.example.fr");
        var token = await PortalApi.TokenAsync(host, "twice@asso.example.fr", host.Mail.Requests.Count - 1);

        Assert.Equal(HttpStatusCode.OK, (await PortalApi.UseAsync(client, token)).StatusCode);
        var again = await PortalApi.UseAsync(host.Anonymous(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("déjà servi", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenALinkOlderThanThirtyMinutes_WhenUsed_ThenItIsRefusedAndNoSessionStarts()
    {
        var client = host.Anonymous();
        await PortalApi.AskLinkAsync(client, "late@asso.example.fr");
        var token = await PortalApi.TokenAsync(host, "late@asso.example.fr", host.Mail.Requests.Count - 1);

        host.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var late = await PortalApi.UseAsync(client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Contains("expiré", await late.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/portal/me")).StatusCode);
    }

    [Fact]
    public async Task GivenALinkSentByThisSite_WhenUsedFromAnotherOrigin_ThenItIsRefused()
    {
        var client = host.Anonymous();
        await PortalApi.AskLinkAsync(client, "elsewhere@asso.example.fr");
        var token = await PortalApi.TokenAsync(host, "elsewhere@asso.example.fr", host.Mail.Requests.Count - 1);

        var elsewhere = await PortalApi.UseAsync(client, token, origin: "https://portail.autre-site.example");

        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Contains("autre site", await elsewhere.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenAGuessedToken_WhenUsed_ThenItIsRefused()
    {
        var guessed = await PortalApi.UseAsync(host.Anonymous(), Application.MagicLinks.NewToken());

        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        Assert.Contains("pas valable", await guessed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenOneAddress_WhenLinksAreAskedPastItsHourlyLimit_ThenTheNextIsRateLimitedWithoutAMail()
    {
        var client = host.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PortalApi.AskLinkAsync(client, "flood@asso.example.fr")).StatusCode);
        }

        await host.Mail.WaitForRequestsAsync(3, TimeSpan.FromSeconds(10));
        var mails = host.Mail.Requests.Count;
        var fourth = await PortalApi.AskLinkAsync(client, "flood@asso.example.fr");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(mails, host.Mail.Requests.Count);
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Accepted, (await PortalApi.AskLinkAsync(client, "flood@asso.example.fr")).StatusCode);
    }

    [Fact]
    public async Task GivenOneClient_WhenItAsksForManyAddressesPastItsHourlyLimit_ThenItIsRateLimited()
    {
        var client = host.Anonymous();
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PortalApi.AskLinkAsync(client, $"visitor{i}@asso.example.fr")).StatusCode);
        }

        var thirteenth = await PortalApi.AskLinkAsync(client, "visitor12@asso.example.fr");

        Assert.Equal(HttpStatusCode.TooManyRequests, thirteenth.StatusCode);
        Assert.Contains("portal.rate-client", await thirteenth.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenAnotherSite_WhenItPostsWithoutTheApplicationsHeader_ThenNothingIsSentOrChanged()
    {
        var signedIn = await PortalApi.SignInAsync(host, "csrf@asso.example.fr");
        var mails = host.Mail.Requests.Count;
        var crossSite = host.CrossSite();

        var link = await PortalApi.AskLinkAsync(crossSite, "csrf@asso.example.fr");

        Assert.Equal(HttpStatusCode.Forbidden, link.StatusCode);
        Assert.Equal(mails, host.Mail.Requests.Count);
        // The beneficiary's own cookie without the header: what a form of another site posting to the portal sends.
        signedIn.DefaultRequestHeaders.Remove(Api.RequestOrigin.Header);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.PutAsJsonAsync("/api/portal/draft", new { name = "forged" })).StatusCode);
        Assert.Equal("[]", await (await signedIn.GetAsync("/api/portal/dossiers")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.GetAsync("/api/portal/draft")).StatusCode);
    }
}
