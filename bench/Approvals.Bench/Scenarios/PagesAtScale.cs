using System.Diagnostics;
using Microsoft.Playwright;

namespace Approvals.Bench;

/// <summary>
/// 11. What a person waits for in the browser with few and with many dossiers stored: Debian's Chromium, driven by
/// Playwright, opens the list, a dossier and the budget page, and the time runs from the navigation to the page showing
/// its data (the list's rows, the dossier and the budget lines no longer busy). Each size on a fresh Azurite and a fresh
/// server, seeded as scenario 8 seeds. Ratios large / small, same run.
/// </summary>
public static class PagesAtScale
{
    private const int Rounds = 5;

    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly (string Name, string Path, string Ready)[] Pages =
    [
        ("list page", "/index.html", "[data-testid=dossier-row]"),
        ("dossier page", "/dossier.html?id=SUB-2022-50001", "#dossier:not([aria-busy])"),
        ("budget page", "/budget.html", "#budget-lines:not([aria-busy])"),
    ];

    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (./test.sh does).");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var small = await MeasureAsync(context, chromium, context.Sizes.ReadsSmall);
        var large = await MeasureAsync(context, chromium, context.Sizes.ReadsLarge);
        var metrics = new List<Metric>();
        foreach (var (name, _, _) in Pages)
        {
            metrics.Add(Metric.Ratio($"{name}: time ratio ({context.Sizes.ReadsLarge:N0} / {context.Sizes.ReadsSmall:N0})", large[name], small[name], name == "budget page" ? 1.2 : 1.3));
            metrics.Add(Metric.Of($"{name} with {context.Sizes.ReadsLarge:N0} stored", large[name], "ms"));
        }

        return new ScenarioResult("11", "Pages at scale in Chromium: list, dossier, budget", metrics,
            [$"{context.Sizes.ReadsSmall:N0} and {context.Sizes.ReadsLarge:N0} dossiers, each on a fresh Azurite; {Rounds} loads per page after a warm-up (median), each in a new browser tab"]);
    }

    private static async Task<Dictionary<string, List<double>>> MeasureAsync(BenchContext context, IBrowser chromium, int count)
    {
        var mail = Directory.CreateTempSubdirectory("approvals-bench-pages-").FullName;
        try
        {
            await using var azurite = await Azurite.StartAsync(context.RepositoryRoot);
            await using var server = await BenchServer.StartAsync(context.RepositoryRoot, azurite.ConnectionString, mail, 1024 * 1024);
            await ReadsAtScale.SeedAsync(context, server, count);
            await using var browser = await chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
            await SignInAsync(browser);
            var times = new Dictionary<string, List<double>>();
            var calls = new Dictionary<string, List<double>>();
            foreach (var (name, path, ready) in Pages)
            {
                await LoadAsync(browser, path, ready, []);
                times[name] = [];
                for (var round = 0; round < Rounds; round++)
                {
                    times[name].Add(await LoadAsync(browser, path, ready, calls));
                }
            }

            Console.WriteLine($"  {count:N0} dossiers: " + string.Join("; ", Pages.Select(p => $"{p.Name} {Stats.Median(times[p.Name]):0} ms")));
            Console.WriteLine("    API calls (median ms): " + string.Join("; ", calls.OrderByDescending(c => Stats.Median(c.Value)).Select(c => $"{c.Key} {Stats.Median(c.Value):0}")));
            return times;
        }
        finally
        {
            Directory.Delete(mail, recursive: true);
        }
    }

    /// <summary>
    /// The development sign-in's request, as its form sends it, as Finance (who may open all three pages); its cookie
    /// lands in the context the pages share. Not through the form's tab: closing that tab, with the list it leads to
    /// still drawing, once hung Chromium for good in a full run (the sign-in is not what this scenario measures).
    /// </summary>
    private static async Task SignInAsync(IBrowserContext browser)
    {
        var form = browser.APIRequest.CreateFormData();
        form.Set("name", "Bench Finance");
        form.Set("role", "Finance");
        var answer = await browser.APIRequest.PostAsync("/dev/sign-in", new APIRequestContextOptions
        {
            Form = form,
            Headers = new Dictionary<string, string> { ["X-Approvals-Request"] = "1" },
            MaxRedirects = 0,
        });
        if (answer.Status >= 400)
        {
            throw new InvalidOperationException($"The development sign-in answered {answer.Status}: {await answer.TextAsync()}");
        }
    }

    /// <summary>
    /// Milliseconds from the navigation to the page showing its data, in a fresh tab; each API call's time from its
    /// request to its answer's last byte is added to <paramref name="calls"/> (by path), to show where a page's time goes.
    /// </summary>
    private static async Task<double> LoadAsync(IBrowserContext browser, string path, string ready, Dictionary<string, List<double>> calls)
    {
        var page = await browser.NewPageAsync();
        page.RequestFinished += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                lock (calls)
                {
                    (calls.TryGetValue(url.AbsolutePath, out var list) ? list : calls[url.AbsolutePath] = []).Add(request.Timing.ResponseEnd);
                }
            }
        };
        try
        {
            var timer = Stopwatch.StartNew();
            // The page counts as loaded when its data shows, not at the load event: waiting for that event as well once
            // hung past Playwright's 30 s on a loaded CI machine while the data had nothing to do with it.
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
            await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            return timer.Elapsed.TotalMilliseconds;
        }
        finally
        {
            // Bounded, as above: a tab that will not close is left to the context's disposal rather than hang the run.
            await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
