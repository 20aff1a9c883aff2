using System.Net;
using System.Net.Http.Json;
using Approvals.Api;
using Approvals.Application;
using Approvals.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Approvals.Server.Tests;

/// <summary>
/// The portal in a deployment of four authorities: the settings' one, Pays de Montbéliard Agglomération with its portal
/// settings, a third without them and a fourth with incomplete ones. A request goes to the authority the beneficiary chose, is numbered, charged and
/// acknowledged by it, and only its case officers see it.
/// </summary>
public sealed class PortalAuthorityTests : IAsyncLifetime
{
    private const string Address = "presidence@cmq-msi.example.fr";
    private const string Second = "pma";
    private const string WithoutPortal = "ccpm";
    private const string Incomplete = "hdv";

    private static readonly PortalService SecondService = new(
        "Service de la vie associative de Pays de Montbéliard Agglomération", "8 avenue des Alliés, 25200 Montbéliard", "vie-associative@agglo-montbeliard.example.fr",
        "03 81 31 88 88", "tribunal administratif de Besançon");

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3));
        var directory = host.Services.GetRequiredService<AuthorityDirectory>();
        await directory.SaveAsync(
            new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000")
            {
                Portal = new AuthorityPortal(SecondService, "instruction@agglo-montbeliard.example.fr", "65-024-6574", "Subventions aux associations (portail de PMA)"),
            },
            CancellationToken.None);
        await directory.SaveAsync(new GrantingAuthority(WithoutPortal, "Communauté de communes du Pays de Maîche", "30000000000000"), CancellationToken.None);
        // Its service has no telephone number: the acknowledgment could not give what R112-11-1, 2° requires.
        await directory.SaveAsync(
            new GrantingAuthority(Incomplete, "Communauté de communes des Deux Vallées", "40000000000000")
            {
                Portal = new AuthorityPortal(SecondService with { Phone = " " }, "instruction@deux-vallees.example.fr", "65-024-6574", "Subventions (portail)"),
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAuthoritiesWithoutOrWithIncompletePortalSettings_WhenTheBeneficiaryAsksWhichToApplyTo_ThenTheFirstAndTheOneWithSettingsAreOffered()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);

        var offered = await (await beneficiary.GetAsync("/api/portal/authorities")).JsonAsync();

        var first = host.Services.GetRequiredService<AuthorityDirectory>().First;
        Assert.Equal(
            [(first.Id, first.Name), (Second, "Pays de Montbéliard Agglomération")],
            offered.EnumerateArray().Select(a => (a.GetProperty("id").GetString(), a.GetProperty("name").GetString())));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/portal/authorities")).StatusCode);
    }

    [Fact]
    public async Task GivenTheSecondAuthorityChosen_WhenTheRequestIsSubmitted_ThenItIsThatAuthoritysDossierAcknowledgedInItsNameAndOnlyItsOfficersSeeIt()
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var mails = host.Mail.Requests.Count;
        var form = PortalRequestForm.Valid();
        form["authority"] = Second;

        var submitted = await beneficiary.PostAsJsonAsync("/api/portal/requests", form);

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var body = await submitted.JsonAsync();
        var id = body.GetProperty("dossierId").GetString()!;
        Assert.Equal("PMA-SUB-2022-0001", id);

        // The acknowledgment names the authority that received the request and its service, never the first's.
        var mail = (await host.Mail.WaitForRequestsAsync(mails + 1, TimeSpan.FromSeconds(10))).Skip(mails).Single(m => m.Subject!.Contains("Accusé de réception"));
        Assert.Equal([Address], mail.To);
        Assert.Equal("Pays de Montbéliard Agglomération — Subventions", mail.FromName);
        foreach (var expected in new[] { "auprès de Pays de Montbéliard Agglomération", SecondService.Name, SecondService.PostalAddress, SecondService.Email, SecondService.Phone })
        {
            Assert.Contains(expected, mail.Text, StringComparison.Ordinal);
        }

        var first = PortalService.Example;
        foreach (var other in new[] { first.Name, first.Email, first.Phone, first.PostalAddress })
        {
            Assert.DoesNotContain(other, mail.Text + mail.Html, StringComparison.Ordinal);
        }

        var pdf = await beneficiary.GetAsync(body.GetProperty("acknowledgment").GetString());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Replace('\u00A0', ' ');
            Assert.Contains(SecondService.Email, text, StringComparison.Ordinal);
            Assert.Contains("Montbéliard", text, StringComparison.Ordinal);
            Assert.DoesNotContain(first.Email, text, StringComparison.Ordinal);
        }

        // The authority's own case officer and budget line, and only its officers see the dossier and its inbox entry.
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var dossier = await (await GetAsync(officer, $"/api/dossiers/{id}", Second)).JsonAsync();
        Assert.Equal("instruction@agglo-montbeliard.example.fr", dossier.GetProperty("request").GetProperty("caseOfficerEmail").GetString());
        Assert.Equal("65-024-6574", dossier.GetProperty("request").GetProperty("budgetLine").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(officer, $"/api/dossiers/{id}", null)).StatusCode);
        Assert.Equal([id], await InboxAsync(officer, Second));
        Assert.Empty(await InboxAsync(officer, null));
        var check = new HttpRequestMessage(HttpMethod.Post, $"/api/portal-inbox/{id}/check") { Content = JsonContent.Create(new { outcome = "DocumentsMissing" }) };
        Assert.Equal(HttpStatusCode.NotFound, (await officer.SendAsync(check)).StatusCode);

        // The beneficiary follows it as any of their requests.
        Assert.Equal([id], (await (await beneficiary.GetAsync("/api/portal/dossiers")).JsonAsync()).EnumerateArray().Select(d => d.GetProperty("dossierId").GetString()));
    }

    [Theory]
    [InlineData("inconnue")]
    [InlineData(WithoutPortal)]
    [InlineData(Incomplete)]
    public async Task GivenAnAuthorityThePortalDoesNotOffer_WhenTheRequestNamesIt_Then422NamingTheFieldAndNothingIsCreated(string authority)
    {
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var mails = host.Mail.Requests.Count;
        var form = PortalRequestForm.Valid();
        form["authority"] = authority;

        var refused = await beneficiary.PostAsJsonAsync("/api/portal/requests", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single((await refused.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("authority", error.GetProperty("field").GetString());
        Assert.Equal("portal.authority", error.GetProperty("code").GetString());
        Assert.Empty((await (await beneficiary.GetAsync("/api/portal/dossiers")).JsonAsync()).EnumerateArray());
        var officer = await host.SignInAsync(Role.CaseOfficer);
        foreach (var acting in new[] { null, Second })
        {
            Assert.Empty(await InboxAsync(officer, acting));
        }

        // Without a choice the request goes to the first authority, as in a one-authority deployment.
        form.Remove("authority");
        var created = await beneficiary.PostAsJsonAsync("/api/portal/requests", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("SUB-2022-0001", (await created.JsonAsync()).GetProperty("dossierId").GetString());
        Assert.Equal(mails + 1, (await host.Mail.WaitForRequestsAsync(mails + 1, TimeSpan.FromSeconds(10))).Count);
    }

    private static async Task<List<string?>> InboxAsync(HttpClient officer, string? authority) =>
        (await (await GetAsync(officer, "/api/portal-inbox", authority)).JsonAsync()).EnumerateArray().Select(i => i.GetProperty("dossierId").GetString()).ToList();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? authority)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (authority is not null)
        {
            request.Headers.Add(CurrentAuthority.Header, authority);
        }

        return await client.SendAsync(request);
    }
}
