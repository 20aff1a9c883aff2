using System.Text.Json;
using DurableTask.Core.Serializing;

namespace Approvals.Server;

/// <summary>
/// The Durable Task Framework's client serialises inputs and event payloads with Newtonsoft by default, while the
/// SDK's shims that run the orchestrations read System.Text.Json with its default options: this makes both sides agree.
/// </summary>
public sealed class SystemTextJsonDataConverter : DataConverter
{
    private static readonly JsonSerializerOptions Options = JsonSerializerOptions.Default;

    public override string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public override string? Serialize(object? value, bool formatted) => Serialize(value);

    public override object? Deserialize(string? data, Type objectType) => data is null ? null : JsonSerializer.Deserialize(data, objectType, Options);
}
