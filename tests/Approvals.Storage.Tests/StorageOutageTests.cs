using System.Diagnostics;
using Approvals.Application;
using Approvals.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

/// <summary>Storage taken away mid-run: its own Azurite, since stopping the shared one would break the other tests.</summary>
public sealed class StorageOutageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GivenAzuriteStopped_WhenStorageIsUsed_ThenItFailsFastWithAnApplicationErrorAndRecoversAfterRestart()
    {
        await using var azurite = await AzuriteInstance.StartNewAsync();
        await using var services = await StorageFixture.CreateServicesAsync(azurite.ConnectionString, requestTimeout: TimeSpan.FromSeconds(2));
        var store = services.GetRequiredService<IDossierStore>();
        var documents = services.GetRequiredService<IDocumentStore>();
        var id = Dossiers.NewId();
        var etag = await store.CommitAsync(Dossiers.Commit(id, null, 1, 2, [new OutboxItem("mail-1", "mail", "{}")]), None);

        await azurite.StopAsync();
        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<StorageFailedException>(() => store.LoadAsync(id, None));
        await Assert.ThrowsAsync<StorageFailedException>(() => store.CommitAsync(Dossiers.Commit(id, etag, 3, 1), None));
        await Assert.ThrowsAsync<StorageFailedException>(() =>
            documents.UploadAsync(id, "rib", "rib.pdf", new GeneratedStream(1024, "%PDF-1.7\n"u8.ToArray(), 1), None));
        watch.Stop();

        await azurite.StartAsync();
        var loaded = await store.LoadAsync(id, None);

        Assert.Contains("Load dossier", failure.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"three failed calls took {watch.Elapsed}");
        Assert.Equal(etag, loaded!.ETag);
        Assert.Equal(2, (await store.ReadRegisterAsync(id, None)).Count);
        Assert.Equal([OutboxKinds.IndexItemId(2), "mail-1"], (await store.ReadOutboxAsync(id, None)).Select(item => item.Id).Order(StringComparer.Ordinal));
        await store.CommitAsync(Dossiers.Commit(id, etag, 3, 1), None);
    }
}
