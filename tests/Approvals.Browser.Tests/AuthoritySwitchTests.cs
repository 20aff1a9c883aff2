using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Api;
using Approvals.Application;
using Approvals.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// Two authorities in one deployment, in Chromium: a person with a role in both sees one authority's dossiers at a
/// time, and switches from the header; with one authority nothing about authorities shows.
/// </summary>
public sealed class AuthoritySwitchTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 5, 3, 8, 0, 0, TimeSpan.Zero));
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task GivenOneAuthority_WhenTheListOpens_ThenNoAuthorityShows()
    {
        var page = await browser.NewPageAsync(host.BaseAddress);
        await SignInAsync(page);

        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("Claire Martin");
        await Assertions.Expect(page.GetByTestId("authority-switch")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("current-authority")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task GivenADossierInEachOfTwoAuthorities_WhenThePersonSwitches_ThenTheListShowsOnlyTheChosenAuthoritys()
    {
        await host.Services.GetRequiredService<AuthorityDirectory>().SaveAsync(
            new GrantingAuthority("pma", "Pays de Montbéliard Agglomération", "20000000000000") { President = "Charles DEMOUGE", Seat = "Montbéliard" }, CancellationToken.None);
        using var officer = await host.SignInAsync(Role.CaseOfficer);
        var first = await CreateAsync(officer, null, "Festival de la première");
        var second = await CreateAsync(officer, "pma", "Festival de la seconde");

        var page = await browser.NewPageAsync(host.BaseAddress);
        await SignInAsync(page);
        var rows = page.GetByTestId("dossier-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToHaveAttributeAsync("data-dossier-id", first);
        var choice = page.GetByTestId("authority-switch");
        await Assertions.Expect(choice.Locator("option")).ToHaveCountAsync(2);
        await Assertions.Expect(choice.Locator("option:checked")).Not.ToHaveTextAsync("Pays de Montbéliard Agglomération");

        await choice.SelectOptionAsync(new SelectOptionValue { Label = "Pays de Montbéliard Agglomération" });
        await Assertions.Expect(page.GetByTestId("authority-switch").Locator("option:checked")).ToHaveTextAsync("Pays de Montbéliard Agglomération");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToHaveAttributeAsync("data-dossier-id", second);
        await Browser.ScreenshotAsync(page, "authority-switch");

        // The other authority's dossier, opened by its address, is not found: the page says so, nothing leaks.
        await page.GotoAsync($"/dossier.html?id={first}");
        await Assertions.Expect(page.Locator("#dossier")).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Festival de la première");
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/connexion.html?retour=%2Findex.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#signin-name", "Claire Martin");
        await page.SelectOptionAsync("#signin-role", "CaseOfficer");
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => url.Contains("/index.html", StringComparison.Ordinal));
    }

    /// <summary>The seed's request under another object, created through the API in <paramref name="authority"/> (null: the first).</summary>
    private static async Task<string> CreateAsync(HttpClient client, string? authority, string title)
    {
        var script = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "Demo", "seed-004.json")))!;
        var body = script["dossiers"]![0]!["request"]!.DeepClone().AsObject();
        body["object"] = title;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(body) };
        if (authority is not null)
        {
            request.Headers.Add(CurrentAuthority.Header, authority);
        }

        using var response = await client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, answer);
        return JsonDocument.Parse(answer).RootElement.GetProperty("dossierId").GetString()!;
    }
}
