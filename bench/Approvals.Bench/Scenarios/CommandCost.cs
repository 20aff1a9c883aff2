using Approvals.Application;
using Approvals.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Approvals.Bench;

/// <summary>
/// 1. Commands through <see cref="DossierService"/> against the raw <c>SubmitTransactionAsync</c> of the very rows they
/// wrote (recorded as they were committed, replayed into fresh partitions with the same row builders): the
/// difference is what the application layer costs (decide, hash, serialise, plan the outbox, cache).
/// </summary>
public static class CommandCost
{
    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var steps = context.Walk.VoteToPayment;
        var dossierCount = (context.Sizes.Commands + steps.Count - 1) / steps.Count;
        var table = context.Server.Service<TableServiceClient>()
            .GetTableClient(context.Server.Service<IOptions<StorageOptions>>().Value.DossiersTable);

        // Round 0 warms both sides up (JIT, connections) and is not counted.
        var recorded = await SubjectAsync(context, dossierCount, steps);
        await BaselineAsync(context, table, recorded.Commits, 0);
        recorded = await SubjectAsync(context, dossierCount, steps);
        var latency = new List<double>();
        var throughput = new List<double>();
        var subjectLatency = new List<double>();
        var baselineLatency = new List<double>();
        for (var round = 1; round <= context.Sizes.Rounds; round++)
        {
            var baseline = await BaselineAsync(context, table, recorded.Commits, round);
            recorded = await SubjectAsync(context, dossierCount, steps);
            latency.Add(recorded.Timed.MedianLatencyMs / baseline.MedianLatencyMs);
            throughput.Add(recorded.Timed.PerSecond / baseline.PerSecond);
            subjectLatency.Add(recorded.Timed.MedianLatencyMs);
            baselineLatency.Add(baseline.MedianLatencyMs);
            Console.WriteLine($"  round {round}/{context.Sizes.Rounds} done");
        }

        return new ScenarioResult("1", "Command cost: DossierService vs raw SubmitTransactionAsync of the same rows",
            [
                Metric.Of("median latency ratio (service / raw)", latency, "×", "≤ 1.25", r => r <= 1.25),
                Metric.Of("throughput ratio (service / raw)", throughput, "×", "≥ 0.8", r => r >= 0.8),
                Metric.Of("service median latency", subjectLatency, "ms"),
                Metric.Of("raw median latency", baselineLatency, "ms"),
            ],
            [$"{dossierCount * steps.Count} commands per round ({dossierCount} dossiers × {string.Join(", ", steps.Select(s => s.Name))}), {context.Sizes.Workers} dossiers at a time, {context.Sizes.Rounds} A/B rounds"]);
    }

    private static async Task<(Timed Timed, IReadOnlyList<DossierCommit> Commits)> SubjectAsync(BenchContext context, int dossierCount, IReadOnlyList<Step> steps)
    {
        var store = context.Server.Store;
        store.Recording = true;
        store.TakeCommits();
        var ids = await context.CreateDossiersAsync(dossierCount);
        context.Server.Time.Set(SettableTime.Paris(2022, 8, 10));
        var timed = await context.RunAsync(ids, steps, context.HandleAsync);
        store.Recording = false;
        return (timed, store.TakeCommits());
    }

    /// <summary>The recorded commits, each dossier's first (its creation) written before the clock starts, the others timed.</summary>
    private static async Task<Timed> BaselineAsync(BenchContext context, TableClient table, IReadOnlyList<DossierCommit> commits, int round)
    {
        var byDossier = commits.GroupBy(c => c.DossierId).Select(g => g.OrderBy(c => c.Version).ToList()).ToList();
        var etags = new Dictionary<string, string>();
        foreach (var dossier in byDossier)
        {
            var id = $"B{round:D2}-{dossier[0].DossierId}";
            etags[id] = await SubmitAsync(table, dossier[0], id, null);
        }

        var timedGroups = byDossier.Select(d => (IReadOnlyList<DossierCommit>)d.Skip(1).ToList()).ToList();
        return await Timed.RunAsync(timedGroups, context.Sizes.Workers, async commit =>
        {
            var id = $"B{round:D2}-{commit.DossierId}";
            string etag;
            lock (etags)
            {
                etag = etags[id];
            }

            etag = await SubmitAsync(table, commit, id, etag);
            lock (etags)
            {
                etags[id] = etag;
            }
        });
    }

    /// <summary>What <see cref="TableDossierStore.CommitAsync"/> sends, built by the same row builders, for dossier <paramref name="id"/>.</summary>
    private static async Task<string> SubmitAsync(TableClient table, DossierCommit recorded, string id, string? etag)
    {
        var commit = recorded with
        {
            DossierId = id,
            ExpectedETag = etag,
            Events = recorded.Events.Select(e => e with { DossierId = id }).ToList(),
        };
        var actions = new List<TableTransactionAction>
        {
            etag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, DossierRows.State(commit))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, DossierRows.State(commit), new ETag(etag)),
        };
        actions.AddRange(commit.Events.Select(entry => new TableTransactionAction(TableTransactionActionType.Add, DossierRows.Event(entry))));
        actions.AddRange(commit.Outbox.Select(item => new TableTransactionAction(TableTransactionActionType.Add, DossierRows.Outbox(id, item))));
        var responses = await table.SubmitTransactionAsync(actions);
        return responses.Value[0].Headers.ETag!.Value.ToString();
    }
}
