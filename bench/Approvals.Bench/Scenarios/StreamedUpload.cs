using System.Diagnostics;
using System.Net.Http.Headers;
using Approvals.Application;
using Approvals.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Approvals.Bench;

/// <summary>
/// 4. A large document through the API (multipart, streamed from a generated stream, never an array) against a direct
/// <c>BlobClient.UploadAsync</c> of the same bytes; the server's memory is sampled during the upload (the server runs
/// in this process, so the growth measured includes the client's, and is an upper bound).
/// </summary>
public static class StreamedUpload
{
    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var bytes = context.Sizes.UploadBytes;
        var dossierId = (await context.CreateDossiersAsync(1))[0];
        using var officer = await context.Server.SignInAsync(Role.CaseOfficer);
        var container = context.Server.Service<BlobServiceClient>()
            .GetBlobContainerClient(context.Server.Service<IOptions<StorageOptions>>().Value.DocumentsContainer);

        await DirectAsync(container, bytes);
        await ApiAsync(officer, container, dossierId, bytes);
        var ratios = new List<double>();
        var apiMbps = new List<double>();
        var directMbps = new List<double>();
        var heap = new List<double>();
        var workingSet = new List<double>();
        for (var round = 1; round <= context.Sizes.Rounds; round++)
        {
            var direct = await DirectAsync(container, bytes);
            var api = await ApiAsync(officer, container, dossierId, bytes);
            directMbps.Add(bytes / 1048576.0 / direct.TotalSeconds);
            apiMbps.Add(bytes / 1048576.0 / api.Elapsed.TotalSeconds);
            ratios.Add(direct.TotalSeconds / api.Elapsed.TotalSeconds);
            heap.Add(api.HeapGrowthMb);
            workingSet.Add(api.WorkingSetGrowthMb);
            Console.WriteLine($"  round {round}/{context.Sizes.Rounds} done");
        }

        return new ScenarioResult("4", "Streamed upload: the API vs a direct BlobClient.UploadAsync of the same bytes",
            [
                Metric.Of("throughput ratio (API / direct)", ratios, "×", "≥ 0.8", r => r >= 0.8),
                Metric.Of("peak working-set growth during the API upload", workingSet, "MB", "< 30", m => m < 30),
                Metric.Of("peak managed-heap growth during the API upload", heap, "MB", "< 30", m => m < 30),
                Metric.Of("API throughput", apiMbps, "MB/s"),
                Metric.Of("direct throughput", directMbps, "MB/s"),
            ],
            [$"{bytes / 1048576} MB per upload, {context.Sizes.Rounds} A/B rounds; memory sampled every 5 ms (GC.GetTotalMemory, Environment.WorkingSet) against a start line taken after a full GC"]);
    }

    private static async Task<TimeSpan> DirectAsync(BlobContainerClient container, long bytes)
    {
        var blob = container.GetBlobClient($"bench-direct/{Guid.NewGuid():N}.pdf");
        var timer = Stopwatch.StartNew();
        await blob.UploadAsync(new GeneratedPdfStream(bytes));
        var elapsed = timer.Elapsed;
        await blob.DeleteAsync();
        return elapsed;
    }

    /// <summary>Uploads through the API, then deletes the blob (Azurite keeps blobs in memory here).</summary>
    private static async Task<(TimeSpan Elapsed, double HeapGrowthMb, double WorkingSetGrowthMb)> ApiAsync(
        HttpClient client, BlobContainerClient container, string dossierId, long bytes)
    {
        using var form = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" } };
        var file = new StreamContent(new GeneratedPdfStream(bytes), 64 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "statuts.pdf");
        var memory = MemorySampler.Start();
        var timer = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync($"/api/dossiers/{Uri.EscapeDataString(dossierId)}/documents", form);
        }
        finally
        {
            await memory.DisposeAsync();
        }

        var elapsed = timer.Elapsed;
        using var answered = response;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{dossierId}/", CancellationToken.None))
        {
            await container.DeleteBlobAsync(blob.Name);
        }

        return (elapsed, memory.HeapGrowthMb, memory.WorkingSetGrowthMb);
    }
}
