using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>The seed dossier's request and commands as the pages send them: taken from the demo script, the one copy of the seed's data.</summary>
public static class SeedRequests
{
    private static readonly JsonObject Script = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "Demo", "seed-004.json")))!.AsObject();

    private static readonly JsonObject ProgrammeScript = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "Demo", "seed-000.json")))!.AsObject();

    private static JsonObject Dossier => Script["dossiers"]![0]!.AsObject();

    /// <summary>Seed 004's budget line (year, code, label, voted credits), the one the seed's request is charged to.</summary>
    public static JsonObject BudgetLine => Script["budgetLines"]![0]!.DeepClone().AsObject();

    /// <summary>Seed 000's programme as the programme form sends it (id, name, total budget, phases, funders).</summary>
    public static JsonObject Programme => ProgrammeScript["programmes"]![0]!.DeepClone().AsObject();

    public static JsonObject Request => Dossier["request"]!.DeepClone().AsObject();

    /// <summary>The seed's commands by type, as API bodies (without the type tag, and the vote without its credits).</summary>
    public static JsonObject Command(string type)
    {
        var command = Dossier["commands"]!.AsArray().Select(c => c!["command"]!).First(c => c["$type"]!.GetValue<string>() == type).DeepClone().AsObject();
        command.Remove("$type");
        command.Remove("availableCredits");
        return command;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
