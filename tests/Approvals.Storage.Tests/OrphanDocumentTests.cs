using Approvals.Application;
using Approvals.Domain;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// [hardening] item 11: a process that dies between storing a document and committing its command leaves a blob no
/// dossier refers to; the orphan sweep deletes it once it is an hour old, and keeps (confirms) what was recorded.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class OrphanDocumentTests(StorageFixture storage)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task GivenUploadsCutShortByACrash_WhenTheOrphanSweepRunsAnHourLater_ThenOnlyUnrecordedBlobsAreDeleted()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 5, 3, 8, 0, 0, TimeSpan.Zero));
        string id;
        StoredDocument orphan, recordedUnconfirmed, recorded;
        await using (var crashing = await StorageApp.StartAsync(tables, time, new StorageApp.NullMailer()))
        {
            var dossiers = crashing.GetRequiredService<DossierService>();
            var documents = crashing.GetRequiredService<IDocumentStore>();
            id = (await dossiers.CreateAsync(StorageApp.SeedRequest, StorageApp.Officer, null, CancellationToken.None)).Unwrap().DossierId;

            // Crash after the blob, before the command: nothing records it.
            orphan = await UploadAsync(documents, id, "statuts.pdf", 1);
            // Crash after the command, before the confirmation: recorded, still marked.
            recordedUnconfirmed = await UploadAsync(documents, id, "rib.pdf", 2);
            await AttachAsync(dossiers, id, recordedUnconfirmed);
            // The whole path.
            recorded = await UploadAsync(documents, id, "budget.pdf", 3);
            await AttachAsync(dossiers, id, recorded);
            await documents.ConfirmAsync(recorded.BlobName, CancellationToken.None);
        }

        await using var restarted = await StorageApp.StartAsync(tables, time, new StorageApp.NullMailer());
        var sweep = restarted.GetRequiredService<OrphanDocumentSweep>();
        time.Advance(TimeSpan.FromMinutes(50));
        var young = await UploadAsync(restarted.GetRequiredService<IDocumentStore>(), id, "recent.pdf", 4);
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        Assert.True(await ExistsAsync(tables, orphan.BlobName), "an upload younger than an hour may still be on its way to its command");

        time.Advance(TimeSpan.FromMinutes(15));
        var deleted = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.False(await ExistsAsync(tables, orphan.BlobName));
        Assert.True(await ExistsAsync(tables, recordedUnconfirmed.BlobName));
        Assert.True(await ExistsAsync(tables, recorded.BlobName));
        Assert.True(await ExistsAsync(tables, young.BlobName));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        Assert.False(await ExistsAsync(tables, young.BlobName));
        Assert.True(await ExistsAsync(tables, recordedUnconfirmed.BlobName));
    }

    private static async Task<StoredDocument> UploadAsync(IDocumentStore documents, string id, string name, byte variant)
    {
        var bytes = Pdf.Append(variant).ToArray();
        return (await documents.UploadAsync(id, nameof(DocumentKind.Statutes), name, new MemoryStream(bytes), CancellationToken.None)).Unwrap();
    }

    private static async Task AttachAsync(DossierService dossiers, string id, StoredDocument document)
    {
        var command = new DossierCommand.AttachDocument(document.Sha256[..16], DocumentKind.Statutes, document.FileName, document.ContentType, document.Size, document.Sha256, document.BlobName);
        Assert.True((await dossiers.HandleAsync(id, command, StorageApp.Officer, CancellationToken.None)).IsOk);
    }

    private static async Task<bool> ExistsAsync(Dictionary<string, string?> settings, string blobName) =>
        (await new BlobServiceClient(settings["Storage:ConnectionString"]).GetBlobContainerClient(settings["Storage:DocumentsContainer"])
            .GetBlobClient(blobName).ExistsAsync()).Value;
}
