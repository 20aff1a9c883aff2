using System.Text.Json;
using Microsoft.Playwright;

namespace Approvals.Browser.Tests;

/// <summary>
/// axe-core (npm, in the repository's node_modules) run on a page for WCAG 2 A and AA. Evaluated through the browser's
/// debugging protocol, not added as a script tag, so the pages' Content-Security-Policy (no inline script) stays on.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(Approvals.Testing.RepositoryRoot.Path, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{path} is missing: run ./test.sh, which installs the npm packages.");
    });

    /// <summary>Asserts that axe finds no WCAG 2 A or AA violation on the page as it stands.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string name)
    {
        await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.GetArrayLength() == 0, $"{name}: {string.Join("; ", violations.EnumerateArray().Select(v => v.GetString()))}");
    }
}
