using System.Diagnostics;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Storage;

namespace Approvals.Bench;

/// <summary>
/// 8. The reads the pages make, with few and with many dossiers stored: each size on a fresh Azurite and a fresh
/// server, seeded through the store (one commit per dossier holding its whole history, the dossier index written as
/// each commit does), then the list's first page (unfiltered, by stage, a text search), the deadline board's first
/// page and the finance CSV export. Ratios large / small, same run; storage requests per page.
/// </summary>
public static class ReadsAtScale
{
    private const int Rounds = 5;

    private static readonly string[] Names = ["Association", "Comité", "Club", "Compagnie", "Fédération", "Amicale", "Université", "Théâtre", "Orchestre", "Maison"];

    private static readonly (string Name, string Path)[] Pages =
    [
        ("list, first page", "/api/dossiers?take=50"),
        ("list by stage", "/api/dossiers?take=50&stage=Notified"),
        ("text search", "/api/dossiers?take=50&text=orchestre"),
        ("deadlines, first page", "/api/deadlines?days=60&take=100"),
    ];

    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var small = await MeasureAsync(context, context.Sizes.ReadsSmall);
        var large = await MeasureAsync(context, context.Sizes.ReadsLarge);
        var metrics = new List<Metric>();
        foreach (var (name, _) in Pages)
        {
            var target = name.StartsWith("deadlines", StringComparison.Ordinal) ? 1.5 : 1.3;
            metrics.Add(Metric.Ratio($"{name}: time ratio", large.Times[name], small.Times[name], target));
            metrics.Add(Metric.Of($"{name}: storage requests per page ({context.Sizes.ReadsSmall:N0} → {context.Sizes.ReadsLarge:N0})", [small.Requests[name], large.Requests[name]], ""));
        }

        metrics.Add(Metric.Ratio("finance.csv: time per dossier ratio", large.ExportPerDossier, small.ExportPerDossier, 1.2));
        metrics.Add(Metric.Of($"finance.csv at {context.Sizes.ReadsLarge:N0}: storage requests", [large.ExportRequests], ""));
        metrics.Add(Metric.Of($"finance.csv at {context.Sizes.ReadsLarge:N0}: managed heap growth", [large.ExportHeap.HeapGrowthMb], "MB", "< 64", mb => mb < 64));
        metrics.Add(Metric.Of($"finance.csv at {context.Sizes.ReadsSmall:N0} / {context.Sizes.ReadsLarge:N0}: allocated", [small.ExportHeap.AllocatedMb, large.ExportHeap.AllocatedMb], "MB"));
        metrics.Add(Metric.Of($"finance.csv at {context.Sizes.ReadsSmall:N0} / {context.Sizes.ReadsLarge:N0}: collections during it", [small.ExportHeap.Collections, large.ExportHeap.Collections], ""));
        metrics.Add(Metric.Of($"finance.csv at {context.Sizes.ReadsLarge:N0}: largest heap a collection left (growth)", [large.ExportHeap.LiveGrowthMb], "MB"));
        metrics.Add(Metric.Of($"seeding: dossiers per second ({context.Sizes.ReadsLarge:N0})", [large.SeedPerSecond], "/s"));
        metrics.Add(Metric.Of($"commands per second with {context.Sizes.ReadsSmall:N0} / {context.Sizes.ReadsLarge:N0} stored", [small.CommandsPerSecond, large.CommandsPerSecond], "/s"));
        metrics.Add(Metric.Of($"commands per second ratio ({context.Sizes.ReadsLarge:N0} / {context.Sizes.ReadsSmall:N0})", [large.CommandsPerSecond / small.CommandsPerSecond], "×"));
        return new ScenarioResult("8", "Reads at scale: list, search, deadlines, export", metrics,
            [$"{context.Sizes.ReadsSmall:N0} and {context.Sizes.ReadsLarge:N0} dossiers, each on a fresh Azurite; half paid, half notified; {Rounds} requests per page after a warm-up (median)"]);
    }

    private sealed record Measured(
        Dictionary<string, List<double>> Times, Dictionary<string, double> Requests, List<double> ExportPerDossier, double ExportRequests, ExportMemory ExportHeap, double SeedPerSecond,
        double CommandsPerSecond);

    /// <summary>The export's memory: the heap's peak (garbage included), what it allocated, the collections, the largest heap one left.</summary>
    private sealed record ExportMemory(double HeapGrowthMb, double AllocatedMb, int Collections, double LiveGrowthMb);

    private static async Task<Measured> MeasureAsync(BenchContext context, int count)
    {
        var mail = Directory.CreateTempSubdirectory("approvals-bench-reads-").FullName;
        try
        {
            await using var azurite = await Azurite.StartAsync(context.RepositoryRoot);
            await using var server = await BenchServer.StartAsync(context.RepositoryRoot, azurite.ConnectionString, mail, 1024 * 1024);
            var seeding = Stopwatch.StartNew();
            await SeedAsync(context, server, count);
            var seedPerSecond = count / seeding.Elapsed.TotalSeconds;
            var client = await server.SignInAsync(Role.Finance);
            var times = new Dictionary<string, List<double>>();
            var requests = new Dictionary<string, double>();
            foreach (var (name, path) in Pages)
            {
                await GetAsync(client, path);
                var before = server.RoundTrips.Count;
                times[name] = [];
                for (var round = 0; round < Rounds; round++)
                {
                    times[name].Add(await GetAsync(client, path));
                }

                requests[name] = (server.RoundTrips.Count - before) / (double)Rounds;
            }

            var export = new List<double>();
            await GetAsync(client, "/api/exports/finance.csv");
            var exportBefore = server.RoundTrips.Count;
            ExportMemory heap;
            await using (var memory = MemorySampler.Start())
            {
                export.Add(await GetAsync(client, "/api/exports/finance.csv") / count);
                heap = new ExportMemory(memory.HeapGrowthMb, memory.AllocatedMb, memory.Collections, memory.LiveGrowthMb);
            }

            var exportRequests = server.RoundTrips.Count - exportBefore;
            for (var round = 1; round < 3; round++)
            {
                export.Add(await GetAsync(client, "/api/exports/finance.csv") / count);
            }

            Console.WriteLine($"  {count:N0} dossiers: seeded at {seedPerSecond:0} /s; " +
                string.Join("; ", Pages.Select(p => $"{p.Name} {Stats.Median(times[p.Name]):0.0} ms, {requests[p.Name]:0.#} requests")) +
                $"; export {Stats.Median(export) * 1000:0} µs per dossier, {exportRequests} requests, heap +{heap.HeapGrowthMb:0.0} MB ({heap.AllocatedMb:0} MB allocated, {heap.Collections} collections, largest heap one left +{heap.LiveGrowthMb:0.0} MB)");
            var commandsPerSecond = await CommandsPerSecondAsync(context, server);
            Console.WriteLine($"  {count:N0} dossiers: {commandsPerSecond:0} commands/s");
            return new Measured(times, requests, export, exportRequests, heap, seedPerSecond, commandsPerSecond);
        }
        finally
        {
            Directory.Delete(mail, recursive: true);
        }
    }

    /// <summary>
    /// The embedded default's ceiling: commands per second (vote … payment on new dossiers, through the service, the
    /// index and the ledger following each) with the seeded dossiers stored, on this emulator.
    /// </summary>
    private static async Task<double> CommandsPerSecondAsync(BenchContext context, BenchServer server)
    {
        var service = server.Service<DossierService>();
        server.Time.Set(SettableTime.Paris(2022, 5, 3));
        var ids = new List<string>();
        for (var i = 0; i < context.Sizes.Workers * 4; i++)
        {
            ids.Add(BenchContext.Ok(await service.CreateAsync(context.RequestOfItsOwn(), context.Walk.CaseOfficer, null, CancellationToken.None), "request").DossierId);
        }

        server.Time.Set(SettableTime.Paris(2022, 8, 10));
        var steps = context.Walk.VoteToPayment;
        var timed = await Timed.RunAsync(
            ids.Select(id => (IReadOnlyList<(string Id, Step Step)>)steps.Select(step => (id, step)).ToList()).ToList(),
            context.Sizes.Workers,
            async item => BenchContext.Ok(await service.HandleAsync(item.Id, item.Step.Command, item.Step.Actor, CancellationToken.None), item.Step.Name));
        return timed.PerSecond;
    }

    /// <summary>Milliseconds to the last byte of the answer.</summary>
    private static async Task<double> GetAsync(HttpClient client, string path)
    {
        var timer = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(Stream.Null);
        return timer.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Two real dossiers taken through the service (one to notification, one to payment), their commits merged into
    /// one per dossier and written again under new numbers and beneficiaries through the store's bulk import, with one
    /// deadline each in the board's window.
    /// </summary>
    internal static async Task SeedAsync(BenchContext context, BenchServer server, int count)
    {
        var store = server.Store;
        var dossiers = server.Service<DossierService>();
        var templates = new List<DossierCommit>();
        foreach (var steps in new[] { context.Walk.VoteToNotification, context.Walk.VoteToPayment })
        {
            server.Time.Set(SettableTime.Paris(2022, 5, 3));
            store.Recording = true;
            var id = BenchContext.Ok(await dossiers.CreateAsync(context.Walk.Request, context.Walk.CaseOfficer, null, CancellationToken.None), "request").DossierId;
            foreach (var step in steps)
            {
                server.Time.Set(SettableTime.Paris(step.On.Year, step.On.Month, step.On.Day, 18));
                var command = step.Command is DossierCommand.RecordVote vote ? vote with { AvailableCredits = 10_000_000m } : step.Command;
                BenchContext.Ok(await dossiers.HandleAsync(id, command, step.Actor, CancellationToken.None), step.Name);
            }

            store.Recording = false;
            var commits = store.TakeCommits().Where(c => c.DossierId == id).ToList();
            templates.Add(commits[^1] with { ExpectedETag = null, Events = commits.SelectMany(c => c.Events).ToList(), Outbox = [] });
        }

        var index = server.Service<IDeadlineIndex>();
        var day = new DateOnly(2022, 9, 1);
        server.Time.Set(SettableTime.Paris(2022, 9, 1));
        var seeded = new List<DossierCommit>(count);
        var deadlines = new List<IndexedDeadline>(count);
        for (var i = 0; i < count; i++)
        {
            var template = templates[i % templates.Count];
            var id = new DossierNumber(2022, 50_000 + i).ToString();
            var summary = template.Summary with
            {
                DossierId = id,
                Number = id,
                BeneficiaryName = $"{Names[i % Names.Length]} n°{i}",
                Title = $"Projet {i} de {Names[(i / Names.Length) % Names.Length].ToLowerInvariant()}",
            };
            seeded.Add(template with { DossierId = id, Summary = summary, Events = template.Events.Select(e => e with { DossierId = id }).ToList() });
            var due = day.AddDays(i % 60);
            deadlines.Add(new IndexedDeadline(id, "payment-window", "PaymentWindow", due, new DateTimeOffset(due, new TimeOnly(21, 59), TimeSpan.Zero)));
        }

        // Rows in batches through the store's bulk import: a dossier's own transaction, and the index's key rows a
        // hundred at a time across dossiers (one command per dossier would be some 80 000 requests at 10 000).
        await ((TableDossierStore)store.Inner).ImportAsync(seeded, 8, CancellationToken.None);
        await index.UpsertAsync(deadlines, CancellationToken.None);
    }
}
