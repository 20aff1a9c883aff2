using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Approvals.Application;
using Approvals.Clock;
using Approvals.Server;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approvals.Bench;

/// <summary>
/// 9. The dossiers' clock on the Durable Task Framework over Azurite, as the server runs it: events per second through
/// the engine against the raw queue message round trip it is built on (the floor), the time from a committed command
/// to the clock having planned again, how late timers ring, and the command latency of a server running the engine
/// against one that does not.
/// </summary>
public static class Orchestration
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static readonly ILoggerFactory Quiet = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Warning));

    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var size = OrchestrationSizes.For(context.Sizes);
        var (eventRatios, engineRates, floorRates) = (new List<double>(), new List<double>(), new List<double>());
        List<double> lateness;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var options = new ClockEngineOptions { TaskHub = $"BenchHub{suffix}", PartitionCount = 2, MaxWait = TimeSpan.FromMinutes(10) };
        var service = new AzureStorageOrchestrationService(ClockServiceCollectionExtensions.Settings(options, context.Azurite.ConnectionString, Quiet));
        await service.CreateIfNotExistsAsync();
        var probe = new Probe();
        var worker = ClockEngine.Worker(service, options.Timings, () => new PlanNext(probe), () => new Fire(probe), Quiet);
        await worker.StartAsync();
        var client = new TaskHubDurableClient(service, new DurableTask.Core.TaskHubClient(service, new SystemTextJsonDataConverter(), Quiet));
        var queue = new QueueClient(context.Azurite.ConnectionString, $"bench-floor-{suffix}");
        await queue.CreateAsync();
        try
        {
            // Round 0 warms up both sides and is not counted.
            for (var round = 0; round <= context.Sizes.Rounds; round++)
            {
                var floor = await FloorAsync(queue, size.Instances * size.Events, context.Sizes.Workers);
                var engine = await EventsAsync(client, probe, $"ev{round}", size.Instances, size.Events);
                if (round > 0)
                {
                    engineRates.Add(engine);
                    floorRates.Add(floor);
                    eventRatios.Add(engine / floor);
                    Console.WriteLine($"  events round {round}/{context.Sizes.Rounds}: engine {engine:0.0}/s, queue round trips {floor:0.0}/s");
                }
            }

            lateness = await TimersAsync(client, probe, size.Timers);
        }
        finally
        {
            await worker.StopAsync(isForced: true);
            await service.DeleteAsync();
            await queue.DeleteIfExistsAsync();
        }

        var (replanned, ratios, withEngine, withoutEngine) = await ServersAsync(context, size, suffix);
        return new ScenarioResult("9", "Orchestration: the clock on the Durable Task Framework over Azurite",
            [
                Metric.Of("events per second through the engine / queue round trips per second", eventRatios, "×"),
                Metric.Of("events per second through the engine", engineRates, "/s"),
                Metric.Of("raw queue round trips per second (send, receive, delete)", floorRates, "/s"),
                Metric.Of("command committed → clock planned again, p50", [Percentile(replanned, 0.50)], "ms"),
                Metric.Of("command committed → clock planned again, p95", [Percentile(replanned, 0.95)], "ms"),
                Metric.Of("timer lateness (deadline fired − due), p50", [Percentile(lateness, 0.50)], "ms"),
                Metric.Of("timer lateness (deadline fired − due), p95", [Percentile(lateness, 0.95)], "ms"),
                Metric.Of("median command latency ratio (engine running / no engine)", ratios, "×", "≤ 1.1", r => r <= 1.1),
                Metric.Of("median command latency, engine running", withEngine, "ms"),
                Metric.Of("median command latency, no engine", withoutEngine, "ms"),
            ],
            [
                $"Events: {size.Instances} clocks × {size.Events} DossierChanged each per round (each wakes the clock, which plans through an activity and continues as new); " +
                $"the floor sends, receives and deletes as many queue messages, {context.Sizes.Workers} at a time; {context.Sizes.Rounds} A/B rounds after a warm-up",
                $"Re-planning: {replanned.Count} votes, each timed from the service's answer to the custom status showing the new stage (the outbox worker signals the clock); polled every 25 ms",
                $"Timers: {lateness.Count} timers due 3–5 s ahead; lateness is the FireDeadline activity's start minus the due time (negative: early, as queue delays are whole seconds)",
                $"Command latency: the seed's vote → payment on {size.CommandDossiers} dossiers, {context.Sizes.Workers} at a time, on two servers in this process with their own tables " +
                "and their outbox workers, one running the clock engine (signals, activities, deadlines fired), the other none; A/B rounds after a warm-up. " +
                "The engine's timers are set the same distance ahead in real time as the deadline is in the bench's clock (which stands in 2022)",
            ]);
    }

    /// <summary>Queue messages sent, received and deleted per second, <paramref name="workers"/> at a time.</summary>
    private static async Task<double> FloorAsync(QueueClient queue, int messages, int workers)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < messages)
            {
                await queue.SendMessageAsync("{\"dossierId\":\"SUB-2022-0001\"}");
                var received = await queue.ReceiveMessageAsync();
                if (received.Value is { } message)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        })));
        return messages / watch.Elapsed.TotalSeconds;
    }

    /// <summary>DossierChanged events per second through the engine, from the first raised to the last planned.</summary>
    private static async Task<double> EventsAsync(DurableTaskClient client, Probe probe, string prefix, int instances, int events)
    {
        var ids = Enumerable.Range(0, instances).Select(i => $"{prefix}-{i}").ToList();
        await Task.WhenAll(ids.Select(id => DossierClockSignal.StartAsync(client, id, CancellationToken.None)));
        await UntilAsync(() => ids.All(id => probe.Plans(id) >= 1));

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(async id =>
        {
            for (var e = 0; e < events; e++)
            {
                await client.RaiseEventAsync(id, ClockNames.DossierChanged);
            }
        }));
        await UntilAsync(() => ids.All(id => probe.Plans(id) >= 1 + events));
        var rate = instances * events / watch.Elapsed.TotalSeconds;

        // Purged, so that each round finds the task hub as small as the first (Azurite slows as its tables grow).
        await Task.WhenAll(ids.Select(id => client.TerminateInstanceAsync(id)));
        await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id, new CancellationTokenSource(Patience).Token)));
        await Task.WhenAll(ids.Select(id => client.PurgeInstanceAsync(id)));
        return rate;
    }

    /// <summary>How late (ms) each of <paramref name="count"/> deadlines fired, due 3–5 s after they were planned.</summary>
    private static async Task<List<double>> TimersAsync(DurableTaskClient client, Probe probe, int count)
    {
        var start = DateTime.UtcNow;
        var ids = Enumerable.Range(0, count).Select(i => $"timer-{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            probe.DueAt[id] = start.AddSeconds(3).AddMilliseconds(2000.0 * i / count);
        }

        await Task.WhenAll(ids.Select(id => DossierClockSignal.StartAsync(client, id, CancellationToken.None)));
        await UntilAsync(() => ids.All(probe.Lateness.ContainsKey));
        return ids.Select(id => probe.Lateness[id]).ToList();
    }

    private static async Task<(List<double> Replanned, List<double> Ratios, List<double> With, List<double> Without)> ServersAsync(
        BenchContext context, OrchestrationSizes size, string suffix)
    {
        // The pickup folder goes once both servers have stopped: their outbox workers may still be writing mails to it.
        var mail = Directory.CreateTempSubdirectory("approvals-bench-clock-mail-").FullName;
        try
        {
            return await ServersAsync(context, size, suffix, mail);
        }
        finally
        {
            Directory.Delete(mail, recursive: true);
        }
    }

    private static async Task<(List<double> Replanned, List<double> Ratios, List<double> With, List<double> Without)> ServersAsync(
        BenchContext context, OrchestrationSizes size, string suffix, string mail)
    {
        await using var off = await BenchServer.StartAsync(
            context.RepositoryRoot, context.Azurite.ConnectionString, mail, 1024 * 1024, Tables($"off{suffix}"), leftOut: [typeof(DigestWorker)]);
        var engineSettings = new Dictionary<string, string?>(Tables($"on{suffix}"))
        {
            ["Clock:Enabled"] = "true",
            ["Clock:TaskHub"] = $"BenchServer{suffix}",
            ["Clock:WorkerId"] = "bench",
            ["Logging:LogLevel:DurableTask"] = "Error",
        };
        await using var on = await BenchServer.StartAsync(
            context.RepositoryRoot, context.Azurite.ConnectionString, mail, 1024 * 1024, engineSettings, leftOut: [typeof(DigestWorker), typeof(ClockEngine)]);

        // The server's engine, but its timers set in real time: the bench's clock stands in 2022, where a deadline a
        // month ahead would otherwise be a real instant long past, waking the clock every second to find it not due.
        var service = on.Service<AzureStorageOrchestrationService>();
        await service.CreateIfNotExistsAsync();
        var activities = on.Service<ClockActivities>();
        var worker = ClockEngine.Worker(service, ClockTimings.Default, () => new ShiftedPlan(activities, on.Time), () => new FireDeadlineActivity(activities), Quiet);
        await worker.StartAsync();

        var replanned = await ReplanAsync(context, on, size.Replans);
        var (ratios, with, without) = (new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round <= context.Sizes.Rounds; round++)
        {
            var a = await CommandsAsync(context, off, size.CommandDossiers);
            var b = await CommandsAsync(context, on, size.CommandDossiers);
            if (round > 0)
            {
                ratios.Add(b.MedianLatencyMs / a.MedianLatencyMs);
                with.Add(b.MedianLatencyMs);
                without.Add(a.MedianLatencyMs);
                Console.WriteLine($"  commands round {round}/{context.Sizes.Rounds}: {b.MedianLatencyMs:0.0} ms with the engine, {a.MedianLatencyMs:0.0} ms without");
            }
        }

        await worker.StopAsync(isForced: true);
        return (replanned, ratios, with, without);
    }

    /// <summary>For each new dossier: the vote committed, then the time until its clock's custom status shows it adopted.</summary>
    private static async Task<List<double>> ReplanAsync(BenchContext context, BenchServer server, int count)
    {
        var dossiers = server.Service<DossierService>();
        var client = server.Service<DurableTaskClient>();
        var vote = context.Walk.VoteToPayment[0];
        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            server.Time.Set(SettableTime.Paris(2022, 5, 3));
            var id = BenchContext.Ok(await dossiers.CreateAsync(context.Walk.Request, context.Walk.CaseOfficer, null, CancellationToken.None), "request").DossierId;
            await UntilAsync(async () => await StageAsync(client, id) == "Submitted");
            server.Time.Set(SettableTime.Paris(2022, 8, 10));
            BenchContext.Ok(await dossiers.HandleAsync(id, vote.Command, vote.Actor, CancellationToken.None), vote.Name);
            var committed = Stopwatch.StartNew();
            await UntilAsync(async () => await StageAsync(client, id) == "Adopted", TimeSpan.FromMilliseconds(25));
            samples.Add(committed.Elapsed.TotalMilliseconds);
        }

        return samples;
    }

    /// <summary>The seed's vote → payment on new dossiers of <paramref name="server"/>, the commands as they are (the seed's credits).</summary>
    private static async Task<Timed> CommandsAsync(BenchContext context, BenchServer server, int count)
    {
        var dossiers = server.Service<DossierService>();
        server.Time.Set(SettableTime.Paris(2022, 5, 3));
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(BenchContext.Ok(await dossiers.CreateAsync(context.Walk.Request, context.Walk.CaseOfficer, null, CancellationToken.None), "request").DossierId);
        }

        server.Time.Set(SettableTime.Paris(2022, 8, 10));
        var steps = context.Walk.VoteToPayment;
        return await Timed.RunAsync(
            ids.Select(id => (IReadOnlyList<(string Id, Step Step)>)steps.Select(step => (id, step)).ToList()).ToList(),
            context.Sizes.Workers,
            async item => BenchContext.Ok(await dossiers.HandleAsync(item.Id, item.Step.Command, item.Step.Actor, CancellationToken.None), item.Step.Name));
    }

    private static async Task<string?> StageAsync(DurableTaskClient client, string id) =>
        (await client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus is { Length: > 0 } json
            ? JsonSerializer.Deserialize<ClockStatus>(json)?.Stage
            : null;

    /// <summary>
    /// Tables of its own for a server of this scenario, so that neither sees the other's or the other scenarios'
    /// dossiers; and a longer storage timeout, since Azurite serves the engine's queues and tables too.
    /// </summary>
    private static Dictionary<string, string?> Tables(string suffix) =>
        new[] { "Dossiers", "Deadlines", "DossierIndex", "DossierSummaries", "Counters", "BudgetLines", "BudgetLedger", "Programmes" }
            .ToDictionary(table => $"Storage:{table}Table", table => (string?)$"{table}{suffix}")
            .Append(new KeyValuePair<string, string?>("Storage:RequestTimeout", "00:00:30"))
            .ToDictionary();

    private static Task UntilAsync(Func<bool> reached) => UntilAsync(() => Task.FromResult(reached()), TimeSpan.FromMilliseconds(20));

    private static async Task UntilAsync(Func<Task<bool>> reached, TimeSpan? every = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await reached())
        {
            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException("The clock did not get there within two minutes.");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }
    }

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
    }

    private sealed record OrchestrationSizes(int Instances, int Events, int Timers, int Replans, int CommandDossiers)
    {
        public static OrchestrationSizes For(Sizes sizes) => sizes == Sizes.Quick ? new(8, 3, 8, 6, 4) : new(20, 5, 20, 20, 16);
    }

    /// <summary>What the scripted activities saw: plans per clock, due times set by the test, and how late each deadline fired.</summary>
    private sealed class Probe
    {
        private readonly ConcurrentDictionary<string, int> plans = new();

        public ConcurrentDictionary<string, DateTime> DueAt { get; } = new();

        public ConcurrentDictionary<string, double> Lateness { get; } = new();

        public int Plans(string id) => plans.GetValueOrDefault(id);

        public int Planned(string id) => plans.AddOrUpdate(id, 1, (_, n) => n + 1);
    }

    /// <summary>NextDeadline: a due time where the scenario set one (until it fired: then the clock ends), else wait for a change.</summary>
    private sealed class PlanNext(Probe probe) : TaskActivity<string, NextDeadlineResult>
    {
        public override Task<NextDeadlineResult> RunAsync(TaskActivityContext context, string input)
        {
            probe.Planned(input);
            return Task.FromResult(
                probe.Lateness.ContainsKey(input) ? new NextDeadlineResult(null, null, Completed: true)
                : probe.DueAt.TryGetValue(input, out var due) ? new NextDeadlineResult("bench-timer", due, Completed: false)
                : new NextDeadlineResult(null, null, Completed: false));
        }
    }

    /// <summary>The real NextDeadline, its due time moved from the bench's clock to real time (the same distance ahead, or behind).</summary>
    private sealed class ShiftedPlan(ClockActivities activities, TimeProvider time) : TaskActivity<string, NextDeadlineResult>
    {
        public override async Task<NextDeadlineResult> RunAsync(TaskActivityContext context, string input)
        {
            var next = await activities.NextDeadlineAsync(input, CancellationToken.None);
            return next.DueUtc is { } due ? next with { DueUtc = DateTime.UtcNow + (due - time.GetUtcNow().UtcDateTime) } : next;
        }
    }

    /// <summary>FireDeadline: records how late it runs.</summary>
    private sealed class Fire(Probe probe) : TaskActivity<DeadlineToFire, FireResult>
    {
        public override Task<FireResult> RunAsync(TaskActivityContext context, DeadlineToFire input)
        {
            probe.Lateness.TryAdd(input.DossierId, (DateTime.UtcNow - probe.DueAt[input.DossierId]).TotalMilliseconds);
            return Task.FromResult(FireResult.Done);
        }
    }
}
