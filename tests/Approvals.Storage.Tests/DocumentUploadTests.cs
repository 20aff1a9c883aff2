using Approvals.Application;
using Approvals.Domain;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// Issue 17 item 4: the use case "upload → attach → delete the copy the dossier does not record", which both hosts call,
/// on the real blob container and tables: a refused attach and a duplicate leave no blob behind; a recorded document
/// stays, confirmed; a retry under its key stores nothing.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DocumentUploadTests(StorageFixture storage)
{
    private const long Limit = 25 * 1024 * 1024;
    private static readonly DateTimeOffset Start = new(2022, 5, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task GivenAnAttachTheDossierRefuses_WhenADocumentIsUploaded_ThenNoBlobIsLeft()
    {
        var settings = StorageApp.Tables(storage.Azurite);
        await using var services = await StorageApp.StartAsync(settings, new FakeTimeProvider(Start), new StorageApp.NullMailer());
        var id = await CreateDossierAsync(services);
        // An officer of another authority: the dossier is not theirs, so the command is refused after the bytes were stored.
        var stranger = new Actor("Agent Ailleurs", Role.CaseOfficer) { AuthorityId = "autre-collectivite" };

        var refused = await services.GetRequiredService<DocumentUpload>().UploadAsync(
            new UploadRequest(id, DocumentKind.Statutes, "statuts.pdf", null), new MemoryStream(Pdf), stranger, Limit, CancellationToken.None);

        Assert.False(refused.IsOk);
        Assert.Equal("dossier.not-found", refused.Refusals[0].Code);
        Assert.Empty(await BlobsOfAsync(settings, id));
        Assert.Empty(await services.GetRequiredService<IDocumentStore>().FindUnconfirmedAsync(Start.AddDays(1), 100, CancellationToken.None));
        Assert.Empty((await services.GetRequiredService<DossierService>().GetAsync(id, CancellationToken.None)).Unwrap().State.Documents);
    }

    [Fact]
    public async Task GivenADocumentAttached_WhenTheSameBytesAreUploadedAgain_ThenOnlyTheRecordedBlobRemainsConfirmed()
    {
        var settings = StorageApp.Tables(storage.Azurite);
        await using var services = await StorageApp.StartAsync(settings, new FakeTimeProvider(Start), new StorageApp.NullMailer());
        var id = await CreateDossierAsync(services);
        var uploads = services.GetRequiredService<DocumentUpload>();

        var first = (await uploads.UploadAsync(new UploadRequest(id, DocumentKind.Statutes, "statuts.pdf", null), new MemoryStream(Pdf), StorageApp.Officer, Limit, CancellationToken.None)).Unwrap();
        var again = (await uploads.UploadAsync(new UploadRequest(id, DocumentKind.Statutes, "statuts-copie.pdf", null), new MemoryStream(Pdf), StorageApp.Officer, Limit, CancellationToken.None)).Unwrap();

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Document, again.Document);
        Assert.Equal([first.Document.BlobName], await BlobsOfAsync(settings, id));
        Assert.Empty(await services.GetRequiredService<IDocumentStore>().FindUnconfirmedAsync(Start.AddDays(1), 100, CancellationToken.None));
    }

    [Fact]
    public async Task GivenAnUploadDoneUnderAKey_WhenItIsRetried_ThenTheFirstAnswerComesBackAndNothingIsStored()
    {
        var settings = StorageApp.Tables(storage.Azurite);
        await using var services = await StorageApp.StartAsync(settings, new FakeTimeProvider(Start), new StorageApp.NullMailer());
        var id = await CreateDossierAsync(services);
        var uploads = services.GetRequiredService<DocumentUpload>();
        var request = new UploadRequest(id, DocumentKind.Statutes, "statuts.pdf", "cle-1");

        var first = (await uploads.UploadAsync(request, new MemoryStream(Pdf), StorageApp.Officer, Limit, CancellationToken.None)).Unwrap();
        var retry = (await uploads.UploadAsync(request, new MemoryStream(Pdf), StorageApp.Officer, Limit, CancellationToken.None)).Unwrap();
        var reused = await uploads.UploadAsync(request with { FileName = "autre.pdf" }, new MemoryStream(Pdf), StorageApp.Officer, Limit, CancellationToken.None);

        Assert.True(retry.Created);
        Assert.Equal(first.Document, retry.Document);
        Assert.Equal("idempotency.mismatch", reused.Refusals.Single().Code);
        Assert.Equal([first.Document.BlobName], await BlobsOfAsync(settings, id));
    }

    private static async Task<string> CreateDossierAsync(ServiceProvider services) =>
        (await services.GetRequiredService<DossierService>().CreateAsync(StorageApp.SeedRequest, StorageApp.Officer, null, CancellationToken.None)).Unwrap().DossierId;

    private static async Task<List<string>> BlobsOfAsync(Dictionary<string, string?> settings, string dossierId)
    {
        var container = new BlobServiceClient(settings["Storage:ConnectionString"]).GetBlobContainerClient(settings["Storage:DocumentsContainer"]);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, dossierId + "/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
