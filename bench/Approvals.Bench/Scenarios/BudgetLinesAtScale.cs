using System.Diagnostics;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Bench;

/// <summary>
/// 7. Budget lines and the vote's credit check at 1 000 then 10 000 dossiers charged to the lines (--quick: 100 then
/// 1 000): <c>GET /api/budget-lines</c> reads one ledger row per line and the vote two rows (its line and its share),
/// so their cost must not grow with the dossiers. The dossiers' shares are seeded straight through the ledger
/// (<see cref="BudgetLedger.ApplyAsync"/>, one line per worker, no dossier written); the votes are real dossiers.
/// </summary>
public static class BudgetLinesAtScale
{
    private const int Year = 2023;

    private const int Lines = 20;

    private const int GetsPerRound = 20;

    private const int VotesPerRound = 10;

    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var quick = context.Sizes == Sizes.Quick;
        var (small, large) = quick ? (100, 1_000) : (1_000, 10_000);
        var rounds = Math.Max(3, context.Sizes.Rounds);
        var store = context.Server.Service<IBudgetLineStore>();
        for (var line = 0; line < Lines; line++)
        {
            await store.UpsertAsync(new BudgetLineRecord(Year, Code(line), $"Ligne de banc d'essai n°{line + 1}", 1_000_000_000m), CancellationToken.None);
        }

        using var finance = await context.Server.SignInAsync(Role.Finance);
        var seeding = Stopwatch.StartNew();
        await SeedSharesAsync(context, 0, small);
        var seededSmall = seeding.Elapsed.TotalSeconds;
        var atSmall = await MeasureAsync(context, finance, rounds);
        seeding.Restart();
        await SeedSharesAsync(context, small, large);
        var seededLarge = seeding.Elapsed.TotalSeconds;
        var atLarge = await MeasureAsync(context, finance, rounds);

        return new ScenarioResult("7", $"Budget lines: {large:N0} vs {small:N0} dossiers charged to {Lines} lines",
            [
                Metric.Of($"GET /api/budget-lines median latency ratio ({large:N0} / {small:N0})", Ratios(atLarge.Get, atSmall.Get), "×", "≤ 1.2", r => r <= 1.2),
                Metric.Of($"vote median latency ratio ({large:N0} / {small:N0})", Ratios(atLarge.Vote, atSmall.Vote), "×", "≤ 1.2", r => r <= 1.2),
                Metric.Of($"GET /api/budget-lines median latency at {large:N0}", atLarge.Get, "ms"),
                Metric.Of($"vote median latency at {large:N0}", atLarge.Vote, "ms"),
                Metric.Of($"storage requests per GET /api/budget-lines at {small:N0} / {large:N0}", [atSmall.GetRequests, atLarge.GetRequests], "requests"),
                Metric.Of($"storage requests per vote at {small:N0} / {large:N0}", [atSmall.VoteRequests, atLarge.VoteRequests], "requests"),
            ],
            [
                $"{rounds} rounds per size of {GetsPerRound} GETs and {VotesPerRound} votes on new dossiers; ratios of the rounds' medians, large / small, round by round",
                $"shares seeded through the ledger in {seededSmall:0.0} s ({small:N0}) and {seededLarge:0.0} s ({large - small:N0} more), {context.Sizes.Workers} lines at a time",
                "the dossier table is not grown with them: the scenario measures the ledger's reads, which touch no dossier",
            ]);
    }

    private static string Code(int line) => $"65-{line + 10}-6574";

    /// <summary>Shares of dossiers <paramref name="from"/> to <paramref name="to"/> (excluded), spread over the lines; each line written by one worker, so no ETag race.</summary>
    private static Task SeedSharesAsync(BenchContext context, int from, int to)
    {
        var ledger = context.Server.Service<BudgetLedger>();
        return Parallel.ForAsync(0, Lines, new ParallelOptions { MaxDegreeOfParallelism = context.Sizes.Workers }, async (line, token) =>
        {
            for (var n = from + line; n < to; n += Lines)
            {
                await ledger.ApplyAsync($"BENCH-{Year}-{n:D6}", new LedgerChange(Year, Code(line), 3, 1_000m, 500m, 0m), token);
            }
        });
    }

    private static async Task<(List<double> Get, List<double> Vote, double GetRequests, double VoteRequests)> MeasureAsync(BenchContext context, HttpClient finance, int rounds)
    {
        var ledger = context.Server.Service<BudgetLedger>();
        var vote = (DossierCommand.RecordVote)context.Walk.Steps[0].Command;
        var (get, votes) = (new List<double>(), new List<double>());
        long getRequests = 0, voteRequests = 0;
        for (var round = 0; round < rounds; round++)
        {
            var latencies = new List<double>();
            for (var i = 0; i < GetsPerRound; i++)
            {
                var before = context.Server.RoundTrips.Count;
                var clock = Stopwatch.StartNew();
                using var response = await finance.GetAsync($"/api/budget-lines?year={Year}");
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                getRequests += context.Server.RoundTrips.Count - before;
            }

            get.Add(Stats.Median(latencies));
            latencies.Clear();
            context.Server.Time.Set(SettableTime.Paris(2022, 5, 3));
            var ids = new List<(string Id, string Code)>();
            for (var i = 0; i < VotesPerRound; i++)
            {
                var code = Code(i % Lines);
                var request = context.RequestOfItsOwn() with { BudgetLine = new BudgetLineRef(Year, code, "Ligne de banc d'essai") };
                ids.Add((BenchContext.Ok(await context.Dossiers.CreateAsync(request, context.Walk.CaseOfficer, null, CancellationToken.None), "request").DossierId, code));
            }

            context.Server.Time.Set(SettableTime.Paris(2022, 6, 10));
            foreach (var (id, code) in ids)
            {
                var before = context.Server.RoundTrips.Count;
                var clock = Stopwatch.StartNew();
                var available = await ledger.AvailableAsync(Year, code, id, CancellationToken.None);
                BenchContext.Ok(await context.Dossiers.HandleAsync(id, vote with { AvailableCredits = available }, context.Walk.Steps[0].Actor, CancellationToken.None), "vote");
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                voteRequests += context.Server.RoundTrips.Count - before;
            }

            votes.Add(Stats.Median(latencies));
        }

        return (get, votes, (double)getRequests / (rounds * GetsPerRound), (double)voteRequests / (rounds * VotesPerRound));
    }

    private static List<double> Ratios(IReadOnlyList<double> large, IReadOnlyList<double> small) =>
        large.Zip(small, (l, s) => l / s).ToList();
}
