using System.Text.Json;
using Approvals.Api;
using Approvals.Application;
using Approvals.Server;
using Approvals.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Approvals.Browser.Tests;

/// <summary>
/// Issue 12 point 13: every page of wwwroot, opened in Chromium under the server's strict Content-Security-Policy
/// (no inline script, style or handler), reports no violation, and works: the pages' own requests carry the CSRF header.
/// A script injected inline must be blocked and reported, which shows the listener hears violations.
/// </summary>
public sealed class ContentSecurityPolicyTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Runs before any script of the page (CDP, not subject to the policy): records every violation the page reports.</summary>
    private const string Listener = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        """;

    private ApprovalsServerHost host = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 8, 1, 8, 0, 0, TimeSpan.Zero));
        browser = await Browser.LaunchAsync();
        await DemoData.LoadAsync(host.Services, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Every_page_opens_under_the_strict_policy_without_a_violation()
    {
        var reader = await host.SignInAsync(Role.Reader);
        var dossier = JsonDocument.Parse(await reader.GetStringAsync("/api/dossiers")).RootElement.GetProperty("items")[0].GetProperty("dossierId").GetString();
        // The demo's programme is seed 000's, Pays de Montbéliard Agglomération's: its second authority.
        reader.DefaultRequestHeaders.Add(CurrentAuthority.Header, "pma");
        var programme = JsonDocument.Parse(await reader.GetStringAsync("/api/programmes")).RootElement[0].GetProperty("id").GetString();
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "wwwroot"), "*.html").Select(Path.GetFileName).Order().ToList();
        var opened = 0;

        foreach (var role in new[] { Role.CaseOfficer, Role.Finance })
        {
            var page = await SignedInPageAsync(role);
            foreach (var name in pages)
            {
                var url = name switch
                {
                    "dossier.html" => $"/dossier.html?id={dossier}",
                    "programme.html" => $"/programme.html?id={programme}",
                    _ => $"/{name}",
                };
                // The programme is opened in its authority, as a person with roles in both picks it in the header.
                await page.Context.ClearCookiesAsync(new() { Name = CurrentAuthority.Cookie });
                if (name == "programme.html")
                {
                    await page.Context.AddCookiesAsync([new Cookie { Name = CurrentAuthority.Cookie, Value = "pma", Url = host.BaseAddress.ToString() }]);
                }

                var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
                await page.WaitForTimeoutAsync(200);

                Assert.NotNull(response);
                Assert.Contains("script-src 'self';", await response.HeaderValueAsync("content-security-policy") ?? "");
                var violations = await ViolationsAsync(page);
                Assert.True(violations.Length == 0, $"{url} as {role}: {string.Join(" | ", violations)}");
                var banner = page.Locator("#bandeau");
                Assert.True(await banner.IsHiddenAsync(), $"{url} as {role} shows the error banner: {await banner.TextContentAsync()}");
                opened++;
            }
        }

        output.WriteLine($"{opened} page loads ({string.Join(", ", pages)}) as agent instructeur and finances: no violation, no error banner");
    }

    [Fact]
    public async Task An_inline_script_is_blocked_and_reported()
    {
        var page = await SignedInPageAsync(Role.Reader);
        await page.GotoAsync("/index.html", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await page.EvaluateAsync("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.__ran = true;';
              document.body.appendChild(script);
              const styled = document.createElement('div');
              styled.setAttribute('onclick', 'window.__ran = true');
              styled.click();
            }
            """);
        await page.WaitForTimeoutAsync(200);

        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
        Assert.Contains(await ViolationsAsync(page), v => v.StartsWith("script-src", StringComparison.Ordinal));
    }

    private async Task<IPage> SignedInPageAsync(Role role)
    {
        var page = await browser.NewPageAsync(host.BaseAddress);
        await page.Context.AddInitScriptAsync(Listener);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                output.WriteLine($"console: {message.Text}");
            }
        };
        await page.GotoAsync("/connexion.html?retour=%2Findex.html", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#signin-name", $"Personne {role}");
        await page.SelectOptionAsync("#signin-role", role.ToString());
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync("**/index.html");
        Assert.Empty(await ViolationsAsync(page));
        return page;
    }

    private static async Task<string[]> ViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.__violations ?? []");
}
