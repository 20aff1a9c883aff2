using System.Diagnostics;

namespace Approvals.Bench;

/// <summary>
/// The benchmark: starts its own Azurite and the server in process, runs every scenario (A/B rounds against a baseline
/// measured in the same run), prints a table and writes bench/results/latest.json (--quick: bench/results/quick.json).
/// Exit code 1 only when a scenario crashed: timings never fail the run.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? Sizes.Quick : Sizes.Full;
        var root = RepositoryRoot.Find();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = Machine.Describe();
        Console.WriteLine($"Approvals bench ({(quick ? "quick" : "full")}) on {machine.Cpu}, {machine.Cores} cores, load {machine.LoadAtStart}");

        var mailFolder = Directory.CreateTempSubdirectory("approvals-bench-mail-").FullName;
        var walk = SeedWalk.Load(root);
        var results = new List<ScenarioResult>();
        (string Id, string Title, Func<BenchContext, Task<ScenarioResult>> Run)[] scenarios =
        [
            ("1", "Command cost", CommandCost.RunAsync),
            ("2", "HTTP overhead", HttpOverhead.RunAsync),
            ("3", "Clock cost", ClockCost.RunAsync),
            ("4", "Streamed upload", StreamedUpload.RunAsync),
            ("5", "Full lifecycle", Lifecycle.RunAsync),
            ("6", "Cold start", ColdStart.RunAsync),
            ("7", "Budget lines at scale", BudgetLinesAtScale.RunAsync),
            ("8", "Reads at scale", ReadsAtScale.RunAsync),
            ("9", "Orchestration", Orchestration.RunAsync),
            ("10", "Portal submission", PortalSubmission.RunAsync),
            ("11", "Pages at scale", PagesAtScale.RunAsync),
        ];
        // --scenario N runs that scenario alone (its figures only).
        var only = args.SkipWhile(arg => arg != "--scenario").Skip(1).FirstOrDefault();
        foreach (var (id, title, run) in scenarios.Where(s => only is null || s.Id == only))
        {
            var scenarioClock = Stopwatch.StartNew();
            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] scenario {id}: {title}…");
            try
            {
                // Each scenario on a fresh Azurite and a fresh server: the emulator's cost per request grows with the
                // rows it holds, and one scenario's rows must not slow the next (issue 14).
                await using var azurite = await Azurite.StartAsync(root);
                // And a pickup folder of its own: scenario 10 reads its sign-in link among the newest mails, which the
                // mails of earlier scenarios, dated by their own clocks, would otherwise be.
                await using var server = await BenchServer.StartAsync(root, azurite.ConnectionString, Path.Combine(mailFolder, id), sizes.UploadBytes + 1024 * 1024);
                var context = new BenchContext(server, azurite, walk, sizes, root);
                await context.RegisterSeedLineAsync();
                results.Add(await run(context));
            }
            catch (Exception e)
            {
                Console.Error.WriteLine(e);
                results.Add(new ScenarioResult(id, title, [], [], $"{e.GetType().Name}: {e.Message}"));
            }

            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] scenario {id} done in {scenarioClock.Elapsed.TotalSeconds:0.0} s");
        }

        Directory.Delete(mailFolder, recursive: true);
        var report = new BenchReport(quick ? "quick" : "full", started, clock.Elapsed.TotalSeconds, machine with { LoadAtEnd = Machine.Load() }, results);
        Console.WriteLine();
        Console.WriteLine(report.ToTable());
        foreach (var scenario in results)
        {
            foreach (var note in scenario.Notes)
            {
                Console.WriteLine($"{scenario.Id}. {note}");
            }
        }

        var output = Path.Combine(root, "bench", "results", quick ? "quick.json" : "latest.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report.ToJson());
        Console.WriteLine($"Written {Path.GetRelativePath(root, output)} in {clock.Elapsed.TotalSeconds:0} s");
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }
}
