using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The one JSON shape of the domain, for storage and the API alike: camelCase, enums as names, identifiers as their
/// text, and commands and events tagged with their type name in <c>$type</c>.
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create(upgradeFlatDossiers: true);

    /// <summary>The same options without the upgrade of flat snapshots, which reads and writes through them.</summary>
    private static JsonSerializerOptions StagedOnly { get; } = Create(upgradeFlatDossiers: false);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty JSON for {typeof(T).Name}.");

    /// <summary>Serializes an event under its own type, without the tag: the register stores the type beside it.</summary>
    public static string SerializeEvent(DossierEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public static DossierEvent DeserializeEvent(string type, string json) =>
        (DossierEvent)(JsonSerializer.Deserialize(json, EventTypes[type], Options) ?? throw new JsonException($"Empty JSON for {type}."));

    public static IReadOnlyDictionary<string, Type> EventTypes { get; } = NestedTypes<DossierEvent>();

    public static IReadOnlyDictionary<string, Type> CommandTypes { get; } = NestedTypes<DossierCommand>();

    private static JsonSerializerOptions Create(bool upgradeFlatDossiers)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddDerivedTypes } },
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            MaxDepth = 16,

            // Accents stay readable; characters that matter in HTML (< > & ') are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new ActesIdConverter());
        options.Converters.Add(new DossierNumberConverter());
        if (upgradeFlatDossiers)
        {
            options.Converters.Add(new DossierConverter());
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void AddDerivedTypes(JsonTypeInfo info)
    {
        var derived = info.Type == typeof(DossierEvent) ? EventTypes : info.Type == typeof(DossierCommand) ? CommandTypes : null;
        if (derived is null)
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
        foreach (var (name, type) in derived)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }

    private static Dictionary<string, Type> NestedTypes<T>() =>
        typeof(T).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(T))).ToDictionary(t => t.Name);

    private sealed class ActesIdConverter : JsonConverter<ActesId>
    {
        public override ActesId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ActesId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Identifiant ACTES invalide.");

        public override void Write(Utf8JsonWriter writer, ActesId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    private sealed class DossierConverter : JsonConverter<Dossier>
    {
        public override Dossier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (JsonNode.Parse(ref reader) is JsonObject state ? DossierShapeUpgrade.Upgrade(state).Deserialize<Dossier>(StagedOnly) : null)
            ?? throw new JsonException("Un dossier est un objet JSON.");

        public override void Write(Utf8JsonWriter writer, Dossier value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, StagedOnly);
    }

    private sealed class DossierNumberConverter : JsonConverter<DossierNumber>
    {
        public override DossierNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DossierNumber.TryParse(reader.GetString(), out var number) ? number : throw new JsonException("Numéro de dossier invalide.");

        public override void Write(Utf8JsonWriter writer, DossierNumber value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
