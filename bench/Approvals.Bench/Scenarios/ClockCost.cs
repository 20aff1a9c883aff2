using System.Diagnostics;
using Approvals.Application;
using Approvals.Storage;
using Azure.Data.Tables;
using Approvals.Clock;
using Microsoft.Extensions.Options;

namespace Approvals.Bench;

/// <summary>
/// 3. One clock tick with the same number of deadlines due, over a deadline index that also holds few or very many
/// future deadlines (two index tables, filled once: the open dossiers' future deadlines are written straight into the
/// index, since the clock's cost depends on the index's shape, not on the dossiers behind it). The due deadlines
/// belong to real dossiers taken to notification through the service: their index entries are the ones the outbox
/// asked for, and the tick really fires them (a reminder each).
/// </summary>
public static class ClockCost
{
    private const int UpsertBatch = 5_000;

    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var small = await IndexAsync(context, "BenchDeadlinesSmall", sizes.ClockSmall);
        var large = await IndexAsync(context, "BenchDeadlinesLarge", sizes.ClockLarge);

        await TickAsync(context, small);
        var ratios = new List<double>();
        var smallMs = new List<double>();
        var largeMs = new List<double>();
        for (var round = 1; round <= sizes.Rounds; round++)
        {
            var a = await TickAsync(context, small);
            var b = await TickAsync(context, large);
            smallMs.Add(a);
            largeMs.Add(b);
            ratios.Add(b / a);
            Console.WriteLine($"  round {round}/{context.Sizes.Rounds} done");
        }

        return new ScenarioResult("3", "Clock cost: one tick with the same deadlines due, over a small and a large index",
            [
                Metric.Of($"tick time ratio ({sizes.ClockLarge:N0} / {sizes.ClockSmall:N0} future deadlines)", ratios, "×", "≤ 1.5", r => r <= 1.5),
                Metric.Of($"tick with {sizes.ClockSmall:N0} future", smallMs, "ms"),
                Metric.Of($"tick with {sizes.ClockLarge:N0} future", largeMs, "ms"),
            ],
            [$"{sizes.ClockDue} deadlines due per tick (payment-window reminders of dossiers notified through the service), fired and removed; future deadlines spread over the following year; {sizes.Rounds} A/B rounds"]);
    }

    private static async Task<TableDeadlineIndex> IndexAsync(BenchContext context, string table, int futureCount)
    {
        var tables = context.Server.Service<TableServiceClient>();
        await tables.CreateTableIfNotExistsAsync(table);
        var index = new TableDeadlineIndex(tables, Options.Create(new StorageOptions { DeadlinesTable = table }));
        var first = new DateOnly(2022, 9, 1);
        var future = Enumerable.Range(0, futureCount).Select(i =>
        {
            var day = first.AddDays(i % 365);
            return new IndexedDeadline($"SUB-2023-{i:D6}", "payment-window", "PaymentWindow", day, new DateTimeOffset(day.ToDateTime(new TimeOnly(22, 0)), TimeSpan.Zero));
        });
        await Parallel.ForEachAsync(future.Chunk(UpsertBatch), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (batch, cancellationToken) => await index.UpsertAsync(batch, cancellationToken));
        return index;
    }

    /// <summary>Takes new dossiers to notification, files their due deadlines in <paramref name="index"/>, and times one tick.</summary>
    private static async Task<double> TickAsync(BenchContext context, TableDeadlineIndex index)
    {
        var signal = context.Server.Service<OutboxSignal>();
        while (signal.Reader.TryRead(out _))
        {
        }

        var ids = await context.CreateDossiersAsync(context.Sizes.ClockDue);
        context.Server.Time.Set(SettableTime.Paris(2022, 7, 1));
        await context.RunAsync(ids, context.Walk.VoteToNotification, context.DirectAsync);
        var tickAt = SettableTime.Paris(2022, 7, 31);
        var due = new List<IndexedDeadline>();
        while (signal.Reader.TryRead(out var work))
        {
            due.AddRange(work.Items
                .Where(item => item.Kind == OutboxKinds.Deadlines)
                .SelectMany(item => DomainJson.Deserialize<DeadlineChange>(item.Json).Upsert)
                .Where(deadline => deadline.DueAt <= tickAt));
        }

        await index.UpsertAsync(due, CancellationToken.None);
        context.Server.Time.Set(tickAt);
        var timer = Stopwatch.StartNew();
        var fired = await DueFiring.FireAsync(index, context.Server.Service<ClockActivities>(), tickAt, CancellationToken.None);
        var elapsed = timer.Elapsed.TotalMilliseconds;
        if (fired != context.Sizes.ClockDue)
        {
            throw new InvalidOperationException($"The tick fired {fired} deadlines, {context.Sizes.ClockDue} were due ({due.Count} filed).");
        }

        return elapsed;
    }
}
