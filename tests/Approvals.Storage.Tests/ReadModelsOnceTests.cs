using System.Collections.Concurrent;
using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Testing.Storage;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// [scale] The dossier index and the budget line follow a command once: the committing service brings them up to date
/// before it answers, and the outbox items written with the commit only stand in for it when that failed. Over the real
/// Azurite, counting the requests each table receives.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ReadModelsOnceTests(StorageFixture storage)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GivenAVoteWhoseIndexAndLedgerFollowedAtOnce_WhenItsOutboxIsDispatched_ThenNeitherIsTouchedAgainAndNothingStaysPending()
    {
        var (services, requests, _) = await StartAsync();
        await using var _ = services;
        var (service, store, lines) = (services.GetRequiredService<DossierService>(), services.GetRequiredService<IDossierStore>(), services.GetRequiredService<IBudgetLineStore>());
        var line = StorageApp.SeedRequest.BudgetLine;
        await lines.UpsertAsync(new BudgetLineRecord(line.Year, line.Code, line.Label, 50_000m), None);
        var id = (await service.CreateAsync(StorageApp.SeedRequest, StorageApp.Officer, null, None)).Unwrap().DossierId;
        await DispatchAsync(services);
        var vote = (DossierCommand.RecordVote)StorageApp.SeedToNotification[0];
        var available = await services.GetRequiredService<BudgetLedger>().AvailableAsync(line.Year, line.Code, id, None);
        Assert.True((await service.HandleAsync(id, vote with { AvailableCredits = available }, StorageApp.Officer, None)).IsOk);

        // Answered: the list and the line show the vote before any outbox work.
        Assert.Equal(nameof(DossierStage.Adopted), Assert.Single(await store.QueryAsync(new DossierQuery(Stage: nameof(DossierStage.Adopted)), None)).Stage);
        Assert.Equal(vote.AmountVoted, (await lines.FindAsync(line.Year, line.Code, None))!.Committed);
        requests.Clear();
        await DispatchAsync(services);

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var touched = requests.ToHashSet();
        Assert.DoesNotContain(options.DossierSummariesTable, touched);
        Assert.DoesNotContain(options.DossierIndexTable, touched);
        Assert.DoesNotContain(options.BudgetLedgerTable, touched);
        Assert.DoesNotContain(options.BudgetLinesTable, touched);
        Assert.Empty(await store.ReadOutboxAsync(id, None));
        var later = DateTimeOffset.UtcNow.AddYears(10);
        Assert.Empty(await store.ClaimDueOutboxAsync(later, later.AddMinutes(1), 10, None));
    }

    [Fact]
    public async Task GivenTheIndexUpdateFailingAfterTheCommit_WhenTheOutboxIsDispatched_ThenTheIndexFollowsThereAndNothingStaysPending()
    {
        var (services, _, failing) = await StartAsync();
        await using var _ = services;
        var (service, store) = (services.GetRequiredService<DossierService>(), services.GetRequiredService<IDossierStore>());
        var id = (await service.CreateAsync(StorageApp.SeedRequest, StorageApp.Officer, null, None)).Unwrap().DossierId;
        await DispatchAsync(services);
        failing.FailIndex = true;
        var vote = (DossierCommand.RecordVote)StorageApp.SeedToNotification[0];

        Assert.True((await service.HandleAsync(id, vote with { AvailableCredits = 1_000_000m }, StorageApp.Officer, None)).IsOk);
        Assert.Empty(await store.QueryAsync(new DossierQuery(Stage: nameof(DossierStage.Adopted)), None));
        await DispatchAsync(services);

        Assert.Equal(id, Assert.Single(await store.QueryAsync(new DossierQuery(Stage: nameof(DossierStage.Adopted)), None)).DossierId);
        Assert.Empty(await store.QueryAsync(new DossierQuery(Stage: nameof(DossierStage.Submitted)), None));
        Assert.Empty(await store.ReadOutboxAsync(id, None));
        var later = DateTimeOffset.UtcNow.AddYears(10);
        Assert.Empty(await store.ClaimDueOutboxAsync(later, later.AddMinutes(1), 10, None));
    }

    /// <summary>What the host's outbox worker does with the signalled work.</summary>
    private static async Task DispatchAsync(ServiceProvider services)
    {
        var signal = services.GetRequiredService<OutboxSignal>();
        while (signal.Reader.TryRead(out var work))
        {
            await services.GetRequiredService<OutboxDispatcher>().DispatchAsync(work, None);
        }
    }

    private async Task<(ServiceProvider Services, ConcurrentQueue<string> TablesRequested, FailingIndexStore Store)> StartAsync()
    {
        var requests = new ConcurrentQueue<string>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(StorageApp.Tables(storage.Azurite)).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2022, 6, 10, 8, 0, 0, TimeSpan.Zero)))
            .AddApprovalsCore(configuration)
            .AddApprovalsStorage(configuration)
            .AddSingleton<IMailer>(new StorageApp.NullMailer());
        services.RemoveAll<TableServiceClient>();
        services.AddSingleton(provider => StorageClients.CreateTables(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value, options => options.AddPolicy(new TableNames(requests), HttpPipelinePosition.PerRetry)));
        services.RemoveAll<IDossierStore>();
        services.AddSingleton<TableDossierStore>();
        services.AddSingleton(provider => new FailingIndexStore(provider.GetRequiredService<TableDossierStore>()));
        services.AddSingleton<IDossierStore>(provider => provider.GetRequiredService<FailingIndexStore>());
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().InitializeAsync(None);
        return (provider, requests, provider.GetRequiredService<FailingIndexStore>());
    }

    /// <summary>The real store, whose index update fails on demand as it would with the index table unreachable.</summary>
    private sealed class FailingIndexStore(IDossierStore inner) : DelegatingDossierStore(inner)
    {
        public bool FailIndex { get; set; }

        public override Task IndexAsync(DossierCommit commit, CancellationToken cancellationToken) =>
            FailIndex ? throw new StorageFailedException("Index dossier: the index table is unreachable.") : base.IndexAsync(commit, cancellationToken);
    }

    /// <summary>Records the table each request goes to (a batch's, from its first inner request).</summary>
    private sealed class TableNames(ConcurrentQueue<string> requests) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var segments = message.Request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var target = segments.Length > 1 ? segments[1] : "";
            if (target == "$batch" && message.Request.Content is { } content)
            {
                using var body = new MemoryStream();
                content.WriteTo(body, CancellationToken.None);
                var text = System.Text.Encoding.UTF8.GetString(body.ToArray());
                var start = text.IndexOf("/devstoreaccount1/", StringComparison.Ordinal) + "/devstoreaccount1/".Length;
                target = new string(text[start..].TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
            }

            requests.Enqueue(new string(target.TakeWhile(char.IsAsciiLetterOrDigit).ToArray()));
        }
    }
}
