using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Testing;
using Azure.Storage.Blobs;

namespace Approvals.Server.Tests;

using static LifecycleApiTests;

/// <summary>
/// Retries under an <c>Idempotency-Key</c> are recognised by what the client sent, whatever the server added since
/// (a blob name it drew, the credits it read); and the command headers are refused, never ignored, when unreadable.
/// </summary>
public sealed class IdempotencyApiTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;
    private HttpClient officer = null!;
    private string id = "";

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Paris(2022, 5, 3));
        officer = await host.SignInAsync(Role.CaseOfficer);
        id = await CreateAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAnUploadThatSucceeded_WhenItIsRetriedWithTheSameKey_ThenTheFirst201IsReturnedAndNoSecondBlobIsStored()
    {
        var bytes = SamplePdf("Statuts");

        var first = await UploadAsync("upload-1", "Statutes", "statuts.pdf", bytes);
        var retry = await UploadAsync("upload-1", "Statutes", "statuts.pdf", bytes);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("documentId").GetString(), (await retry.JsonAsync()).GetProperty("documentId").GetString());
        Assert.Single(await BlobsAsync());
        Assert.Equal(["RequestSubmitted", "DocumentAttached"], await RegisterAsync());
    }

    [Fact]
    public async Task GivenAnUploadThatSucceeded_WhenTheKeyIsReusedForOtherBytes_ThenItIsRefusedAndNothingIsStored()
    {
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync("upload-2", "Statutes", "statuts.pdf", SamplePdf("Statuts"))).StatusCode);

        var reused = await UploadAsync("upload-2", "Statutes", "statuts.pdf", SamplePdf("Autre chose"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency.mismatch", (await reused.JsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Single(await BlobsAsync());
        Assert.Equal(["RequestSubmitted", "DocumentAttached"], await RegisterAsync());
    }

    [Fact]
    public async Task GivenAVoteThatSucceeded_WhenAnotherVoteOnTheSameLineLandsAndTheFirstIsRetried_ThenTheRetryGetsTheFirstAnswer()
    {
        var finance = await host.SignInAsync(Role.Finance);
        Assert.True((await finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = 30_000 })).IsSuccessStatusCode);
        var other = await CreateAsync();
        var secretariat = await host.SignInAsync(Role.Secretariat);
        host.Time.SetUtcNow(Paris(2022, 6, 10));

        var first = await secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote"), "vote-a");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostJsonAsync($"/api/dossiers/{other}/vote", SeedRequests.Command("RecordVote"), "vote-b")).StatusCode);
        var retry = await secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote"), "vote-a");

        var body = await retry.Content.ReadAsStringAsync();
        Assert.True(retry.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal((await first.JsonAsync()).GetProperty("version").GetInt64(), JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt64());
        Assert.Equal(["RequestSubmitted", "VoteRecorded", "CreditsCommitted"], await RegisterAsync());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"douze\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task GivenAnUnreadableIfMatch_WhenACommandIsSent_ThenItIs400NamingTheHeaderAndNothingChanges(string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{id}/withdrawal")
        {
            Content = JsonContent.Create(new JsonObject { ["on"] = "2022-05-03", ["reason"] = "Projet abandonné" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        var problem = await ProblemAsync(await officer.SendAsync(request));

        Assert.Equal("If-Match", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("If-Match", problem.GetProperty("detail").GetString());
        Assert.Equal(["RequestSubmitted"], await RegisterAsync());
    }

    [Fact]
    public async Task GivenAnIdempotencyKeyOver200Characters_WhenACommandOrACreationIsSent_ThenItIs400NamingTheHeaderAndNothingChanges()
    {
        var key = new string('k', 201);

        var command = await ProblemAsync(await officer.PostJsonAsync($"/api/dossiers/{id}/withdrawal",
            new JsonObject { ["on"] = "2022-05-03", ["reason"] = "Projet abandonné" }, key));
        var creation = await ProblemAsync(await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request, key));

        Assert.Equal("Idempotency-Key", command.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("Idempotency-Key", creation.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("200 caractères", command.GetProperty("detail").GetString());
        Assert.Equal(["RequestSubmitted"], await RegisterAsync());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJsonAsync($"/api/dossiers/{id}/withdrawal",
            new JsonObject { ["on"] = "2022-05-03", ["reason"] = "Projet abandonné" }, new string('k', 200))).StatusCode);
    }

    [Fact]
    public async Task GivenAWeakOrStrongETag_WhenItIsTheCurrentVersion_ThenTheCommandIsAppliedAndAStaleOneIs409()
    {
        async Task<HttpResponseMessage> WithdrawAsync(string ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{id}/withdrawal")
            {
                Content = JsonContent.Create(new JsonObject { ["on"] = "2022-05-03", ["reason"] = "Projet abandonné" }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await officer.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await WithdrawAsync("\"7\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithdrawAsync("W/\"1\"")).StatusCode);
    }

    private async Task<string> CreateAsync()
    {
        var created = await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request);
        return (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    private async Task<HttpResponseMessage> UploadAsync(string key, string kind, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{id}/documents") { Content = form };
        request.Headers.Add("Idempotency-Key", key);
        return await officer.SendAsync(request);
    }

    private async Task<List<string>> BlobsAsync()
    {
        var container = new BlobServiceClient(host.Azurite.ConnectionString).GetBlobContainerClient("dossiers");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private async Task<List<string>> RegisterAsync() =>
        (await host.Service<DossierService>().ReadRegisterAsync(id, CancellationToken.None)).Select(e => e.Type).ToList();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
