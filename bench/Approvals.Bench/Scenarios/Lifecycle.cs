using System.Diagnostics;
using Approvals.Application;
using Approvals.Clock;

namespace Approvals.Bench;

/// <summary>
/// 5. Dossiers taken through every stage, request to closing, with the clock moved from one stage's date to the next:
/// each stage for every dossier, then its outbox carried out (mails, deadline index, retention) and one clock tick, as
/// the server's workers would. Counts the storage round trips (every request the Azure clients send, retries included).
/// </summary>
public static class Lifecycle
{
    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        await RoundAsync(context);
        var perSecond = new List<double>();
        var trips = new List<double>();
        var commandTrips = new List<double>();
        var breakdown = "";
        for (var round = 1; round <= context.Sizes.Rounds; round++)
        {
            var result = await RoundAsync(context);
            perSecond.Add(result.PerSecond);
            trips.Add(result.TripsPerDossier);
            commandTrips.Add(result.CommandTripsPerDossier);
            breakdown = result.Breakdown;
            Console.WriteLine($"  round {round}/{context.Sizes.Rounds} done");
        }

        var stages = 1 + context.Walk.Steps.Count;
        return new ScenarioResult("5", "Full lifecycle: request to closing, outbox and clock included",
            [
                Metric.Of("dossiers per second", perSecond, "/s"),
                Metric.Of("storage round trips per dossier (all)", trips, ""),
                Metric.Of($"of which the {stages} commands themselves", commandTrips, ""),
            ],
            [
                $"{context.Sizes.LifecycleDossiers} dossiers per round, {context.Sizes.Workers} at a time; request, {string.Join(", ", context.Walk.Steps.Select(s => s.Name))}; {context.Sizes.Rounds} rounds",
                $"requests per dossier by kind (last round): {breakdown}",
            ]);
    }

    private static async Task<(double PerSecond, double TripsPerDossier, double CommandTripsPerDossier, string Breakdown)> RoundAsync(BenchContext context)
    {
        var server = context.Server;
        var count = context.Sizes.LifecycleDossiers;
        var signal = server.Service<OutboxSignal>();
        var dispatcher = server.Service<OutboxDispatcher>();
        var activities = server.Service<ClockActivities>();
        var index = server.Service<IDeadlineIndex>();
        while (signal.Reader.TryRead(out _))
        {
        }

        var timer = Stopwatch.StartNew();
        var start = server.RoundTrips.Count;
        var kindsAtStart = server.RoundTrips.ByKind;
        var commandKinds = new Dictionary<string, long>();
        long commandTrips = 0;
        var before = server.RoundTrips.Count;
        var kindsBefore = server.RoundTrips.ByKind;
        var ids = await context.CreateDossiersAsync(count);
        commandTrips += server.RoundTrips.Count - before;
        AddSince(commandKinds, kindsBefore);
        await AfterStageAsync();
        foreach (var step in context.Walk.Steps)
        {
            server.Time.Set(SettableTime.Paris(step.On.Year, step.On.Month, step.On.Day, 18));
            before = server.RoundTrips.Count;
            kindsBefore = server.RoundTrips.ByKind;
            await context.RunAsync(ids, [step], context.DirectAsync);
            commandTrips += server.RoundTrips.Count - before;
            AddSince(commandKinds, kindsBefore);
            await AfterStageAsync();
        }

        var elapsed = timer.Elapsed;
        var total = server.RoundTrips.Count - start;
        foreach (var id in ids)
        {
            var stage = DossierOutcome(await context.Dossiers.GetAsync(id, CancellationToken.None)).State.Stage;
            if (stage != Domain.DossierStage.Closed)
            {
                throw new InvalidOperationException($"{id} ended in stage {stage}, not Closed.");
            }
        }

        var allKinds = new Dictionary<string, long>();
        AddSince(allKinds, kindsAtStart);
        var breakdown = string.Join("; ", allKinds.OrderByDescending(k => k.Value).Select(k =>
            $"{k.Key} {(double)k.Value / count:0.#} ({(double)commandKinds.GetValueOrDefault(k.Key) / count:0.#} in commands)"));
        return (count / elapsed.TotalSeconds, (double)total / count, (double)commandTrips / count, breakdown);

        void AddSince(Dictionary<string, long> into, IReadOnlyDictionary<string, long> since)
        {
            foreach (var (kind, n) in server.RoundTrips.ByKind)
            {
                var added = n - since.GetValueOrDefault(kind);
                if (added > 0)
                {
                    into[kind] = into.GetValueOrDefault(kind) + added;
                }
            }
        }

        async Task AfterStageAsync()
        {
            var work = new List<OutboxSignal.PendingWork>();
            while (signal.Reader.TryRead(out var item))
            {
                work.Add(item);
            }

            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = context.Sizes.Workers },
                async (item, cancellationToken) => await dispatcher.DispatchAsync(item, cancellationToken));
            await DueFiring.FireAsync(index, activities, server.Time.GetUtcNow(), CancellationToken.None);
        }
    }

    private static CommandOutcome DossierOutcome(Domain.Result<CommandOutcome> outcome) => BenchContext.Ok(outcome, "read");
}
