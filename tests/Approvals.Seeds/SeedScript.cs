using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Approvals.Domain;

namespace Approvals.Seeds;

/// <summary>
/// Seed 004's dossier as the demo script gives it (src/Approvals.Server/Demo/seed-004.json, copied next to the tests):
/// the one copy of the seed, which the demo loads, the pages' examples read (wwwroot/js/seed.js) and the decider's
/// tests take their request and commands from.
/// </summary>
internal static class SeedScript
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly JsonObject Dossier =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", "seed-004.json")))!["dossiers"]![0]!.AsObject();

    public static GrantRequest Request => Dossier["request"].Deserialize<GrantRequest>(Options)!;

    /// <summary>The script's one command of type <typeparamref name="T"/> (its <c>$type</c> tag left aside).</summary>
    public static T Command<T>()
        where T : DossierCommand
    {
        var command = Dossier["commands"]!.AsArray().Select(c => c!["command"]!.AsObject()).Single(c => (string?)c["$type"] == typeof(T).Name);
        var untagged = new JsonObject(command.Where(p => p.Key != "$type").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        return untagged.Deserialize<T>(Options)!;
    }
}
