using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approvals.Reliability.Tests;

public static class Http
{
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Asserts the status and the problem+json media type, and returns the problem body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    public static IReadOnlyList<string> ErrorCodes(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();

    /// <summary>The register's event types, in order, from a dossier view.</summary>
    public static IReadOnlyList<string> RegisterTypes(this JsonElement view) =>
        view.GetProperty("register").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
}
