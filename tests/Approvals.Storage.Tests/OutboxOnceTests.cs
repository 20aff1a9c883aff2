using System.Collections.Concurrent;
using Approvals.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// The immediate dispatch and the periodic sweep never work on the same outbox items at the same time: each mail is
/// sent once when nothing crashes, over the real store, with the sweep running in another process.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class OutboxOnceTests(StorageFixture storage)
{
    [Fact]
    public async Task GivenAMailRetryingSlowly_WhenTheSweepRunsMeanwhile_ThenEachMailIsSentOnce()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var mailer = new SlowFirstMailer();
        await using var committing = await StorageApp.StartAsync(tables, time, mailer);
        await using var sweeping = await StorageApp.StartAsync(tables, time, mailer);
        var dossiers = committing.GetRequiredService<DossierService>();
        var id = (await dossiers.CreateAsync(StorageApp.SeedRequest, StorageApp.Officer, null, CancellationToken.None)).Unwrap().DossierId;
        foreach (var command in StorageApp.SeedToNotification)
        {
            Assert.True((await dossiers.HandleAsync(id, command, StorageApp.Officer, CancellationToken.None)).IsOk, command.GetType().Name);
        }

        // The committing process dispatches what it signalled, as its outbox worker does; the first mail hangs in its
        // retries (15–22 s with a provider answering 503) while the other process's sweep comes round every 30 s.
        var signal = committing.GetRequiredService<OutboxSignal>();
        var immediate = Task.Run(async () =>
        {
            while (signal.Reader.TryRead(out var work))
            {
                await committing.GetRequiredService<OutboxDispatcher>().DispatchAsync(work, CancellationToken.None);
            }
        });
        await mailer.FirstCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var sweep = sweeping.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 3; round++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        }

        mailer.Release.SetResult();
        await immediate.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromMinutes(10));
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        Assert.Equal([$"{id}:6:approval", $"{id}:7:notification"], mailer.Sends.Keys.Where(k => k.StartsWith(id, StringComparison.Ordinal)).Order());
        Assert.All(mailer.Sends, sent => Assert.True(sent.Value == 1, $"{sent.Key} sent {sent.Value} times"));
        Assert.Empty(await committing.GetRequiredService<IDossierStore>().ReadOutboxAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task GivenAFullSignal_WhenCommitsOverflowIt_ThenTheSweepSendsWhatWasDroppedOnce()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        tables["Outbox:SignalCapacity"] = "1";
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var mailer = new SlowFirstMailer();
        mailer.Release.SetResult();
        await using var app = await StorageApp.StartAsync(tables, time, mailer);
        var dossiers = app.GetRequiredService<DossierService>();
        var id = (await dossiers.CreateAsync(StorageApp.SeedRequest, StorageApp.Officer, null, CancellationToken.None)).Unwrap().DossierId;
        foreach (var command in StorageApp.SeedToNotification)
        {
            Assert.True((await dossiers.HandleAsync(id, command, StorageApp.Officer, CancellationToken.None)).IsOk, command.GetType().Name);
        }

        var signal = app.GetRequiredService<OutboxSignal>();
        var kept = new List<OutboxSignal.PendingWork>();
        while (signal.Reader.TryRead(out var work))
        {
            kept.Add(work);
        }

        Assert.Single(kept);
        time.Advance(new OutboxOptions().Lease);
        await app.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None);

        Assert.Equal([$"{id}:6:approval", $"{id}:7:notification"], mailer.Sends.Keys.Order());
        Assert.All(mailer.Sends, sent => Assert.Equal(1, sent.Value));
    }

    /// <summary>Counts sends by key; the first one hangs until released, like a mail in its provider's retries.</summary>
    private sealed class SlowFirstMailer : IMailer
    {
        private int calls;

        public ConcurrentDictionary<string, int> Sends { get; } = new();

        public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                FirstCallStarted.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            Sends.AddOrUpdate(mail.Key, 1, (_, count) => count + 1);
        }
    }
}
