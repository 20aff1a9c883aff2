using System.Net;
using System.Security.Cryptography;
using System.Text;
using Approvals.Application;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Approvals.Storage.Tests;

[Collection(StorageCollection.Name)]
public sealed class BlobDocumentStoreTests(StorageFixture fixture, ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly byte[] PdfHead = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n");
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
    private static readonly byte[] ExecutableHead = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private sealed record Documents(IDocumentStore Store, BlobContainerClient Container);

    private async Task<Documents> NewDocumentsAsync(long? maxUploadBytes = null)
    {
        var services = await fixture.CreateServicesAsync(maxUploadBytes);
        var container = services.GetRequiredService<BlobServiceClient>()
            .GetBlobContainerClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.DocumentsContainer);
        return new Documents(services.GetRequiredService<IDocumentStore>(), container);
    }

    private static async Task<List<string>> BlobNamesAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, None))
        {
            names.Add(item.Name);
        }

        return names;
    }

    [Fact]
    public async Task GivenAHundredMegabyteStream_WhenUploaded_ThenItIsStreamedWithTheRightHashAndLittleMemory()
    {
        const long size = 100 * MiB;
        var documents = await NewDocumentsAsync(maxUploadBytes: 200 * MiB);
        var dossierId = Dossiers.NewId();
        var expectedHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(new GeneratedStream(size, PdfHead, 42)));

        var started = DateTime.UtcNow;
        var peak = MemoryPeak.Start();
        StoredDocument stored;
        try
        {
            var result = await documents.Store.UploadAsync(dossierId, "rapport", "Compte rendu financier.pdf", new GeneratedStream(size, PdfHead, 42), None);
            stored = result.Unwrap();
        }
        finally
        {
            await peak.StopAsync();
        }

        output.WriteLine($"100 MiB upload: {(DateTime.UtcNow - started).TotalSeconds:0.0} s, peak growth: managed {peak.ManagedGrowth / MiB} MiB, working set {peak.WorkingSetGrowth / MiB} MiB");
        Assert.True(peak.ManagedGrowth < 40 * MiB, $"managed memory grew by {peak.ManagedGrowth / MiB} MiB");
        Assert.True(peak.WorkingSetGrowth < 40 * MiB, $"working set grew by {peak.WorkingSetGrowth / MiB} MiB");
        Assert.Equal(size, stored.Size);
        Assert.Equal(expectedHash, stored.Sha256);
        Assert.Equal("application/pdf", stored.ContentType);
        await using var download = await documents.Store.OpenReadAsync(stored.BlobName, None);
        Assert.Equal(expectedHash, Convert.ToHexStringLower(await SHA256.HashDataAsync(download)));
    }

    [Fact]
    public async Task GivenASmallPdf_WhenUploaded_ThenItIsNamedByDossierKindAndSafeNameAndTaggedWithItsDossier()
    {
        var documents = await NewDocumentsAsync();
        var dossierId = Dossiers.NewId();
        var content = PdfHead.Concat(Encoding.ASCII.GetBytes("1 0 obj << >> endobj\n%%EOF")).ToArray();

        var stored = (await documents.Store.UploadAsync(dossierId, "statuts", "Statuts école.pdf", new MemoryStream(content), None)).Unwrap();

        Assert.Matches($"^{dossierId}/statuts/[0-9]{{14}}-[0-9a-f]{{8}}-Statuts-ecole\\.pdf$", stored.BlobName);
        Assert.Equal(new StoredDocument(stored.BlobName, "Statuts école.pdf", "application/pdf", content.Length, Convert.ToHexStringLower(SHA256.HashData(content))), stored);
        var blob = documents.Container.GetBlobClient(stored.BlobName);
        Assert.Equal("application/pdf", (await blob.GetPropertiesAsync()).Value.ContentType);
        Assert.Equal(dossierId, (await blob.GetTagsAsync()).Value.Tags["dossier"]);
    }

    [Theory]
    [InlineData("too-large", "budget.pdf", "document.too-large")]
    [InlineData("executable", "rapport.pdf", "document.mismatch")]
    [InlineData("executable", "setup.exe", "document.executable")]
    [InlineData("png", "rapport.pdf", "document.mismatch")]
    [InlineData("pdf", "../x.pdf", "document.name")]
    [InlineData("pdf", "notes.txt", "document.type")]
    public async Task GivenAFileBreakingARule_WhenUploaded_ThenItIsRefusedAndNoBlobIsLeft(string content, string fileName, string code)
    {
        var documents = await NewDocumentsAsync(maxUploadBytes: 5 * MiB);
        Stream stream = content switch
        {
            "too-large" => new GeneratedStream(12 * MiB, PdfHead, 7),
            "executable" => new GeneratedStream(64 * 1024, ExecutableHead, 7),
            "png" => new GeneratedStream(64 * 1024, PngHead, 7),
            _ => new GeneratedStream(64 * 1024, PdfHead, 7),
        };

        var result = await documents.Store.UploadAsync(Dossiers.NewId(), "piece", fileName, stream, None);

        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(code, refusal.Code);
        Assert.Equal("file", refusal.Field);
        Assert.Empty(await BlobNamesAsync(documents.Container));
        if (code == "document.too-large")
        {
            Assert.Contains("5 Mo", refusal.Message);
            Assert.True(stream.Position < 12 * MiB, "the upload must stop reading once over the limit");
        }
    }

    [Fact]
    public async Task GivenAReadLink_WhenUsedWithPlainHttp_ThenItDownloadsButCannotWrite()
    {
        var documents = await NewDocumentsAsync();
        var content = PdfHead.Concat(Encoding.UTF8.GetBytes("convention signée")).ToArray();
        var stored = (await documents.Store.UploadAsync(Dossiers.NewId(), "convention", "convention.pdf", new MemoryStream(content), None)).Unwrap();
        var link = await documents.Store.GetReadLinkAsync(stored.BlobName, TimeSpan.FromMinutes(15), None);
        using var http = new HttpClient();

        using var get = await http.GetAsync(link);
        using var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent([1, 2, 3]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var putResponse = await http.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(content, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, putResponse.StatusCode);
        Assert.Contains("sp=r", link.Query);
    }

    [Fact]
    public async Task GivenAReadLink_WhenTheDocumentIsFetched_ThenTheStorageAnswersAnAttachmentWithItsName()
    {
        var documents = await NewDocumentsAsync();
        var polyglot = PdfHead.Concat(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")).ToArray();
        var stored = (await documents.Store.UploadAsync(Dossiers.NewId(), "convention", "convention signée.pdf", new MemoryStream(polyglot), None)).Unwrap();
        using var http = new HttpClient();

        using var get = await http.GetAsync(await documents.Store.GetReadLinkAsync(stored.BlobName, TimeSpan.FromMinutes(15), None));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var disposition = get.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        // The link knows only the blob, whose name is the file name folded to ASCII.
        Assert.Equal("convention-signee.pdf", disposition.FileNameStar);
    }

    [Fact]
    public async Task GivenADossiersDocuments_WhenRetentionIsSet_ThenFindByTagsFindsThemAll()
    {
        var documents = await NewDocumentsAsync();
        var (kept, other) = (Dossiers.NewId(), Dossiers.NewId());
        var names = new List<string>();
        foreach (var (dossierId, kind) in new[] { (kept, "statuts"), (kept, "rib"), (other, "statuts") })
        {
            var stored = await documents.Store.UploadAsync(dossierId, kind, $"{kind}.pdf", new GeneratedStream(1024, PdfHead, 3), None);
            names.Add(stored.Unwrap().BlobName);
        }

        await documents.Store.SetRetentionAsync(kept, new DateOnly(2032, 12, 31), None);

        var found = new List<string>();
        await foreach (var item in documents.Container.FindBlobsByTagsAsync("\"retainUntil\" < '2033-01-01'"))
        {
            found.Add(item.BlobName);
        }

        Assert.Equal(names.Take(2).Order(), found.Order());
        var tags = (await documents.Container.GetBlobClient(names[0]).GetTagsAsync()).Value.Tags;
        Assert.Equal("2032-12-31", tags["retainUntil"]);
        Assert.Equal(kept, tags["dossier"]);
    }

    [Fact]
    public async Task GivenADocument_WhenDeletedTwice_ThenItIsGoneAndTheSecondDeleteIsHarmless()
    {
        var documents = await NewDocumentsAsync();
        var stored = (await documents.Store.UploadAsync(Dossiers.NewId(), "rib", "rib.pdf", new GeneratedStream(2048, PdfHead, 5), None)).Unwrap();

        await documents.Store.DeleteAsync(stored.BlobName, None);
        await documents.Store.DeleteAsync(stored.BlobName, None);

        Assert.Empty(await BlobNamesAsync(documents.Container));
    }
}
