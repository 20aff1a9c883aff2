using System.Text.Json;

namespace Approvals.Testing;

/// <summary>One request seen by <see cref="SendGridCaptureServer"/> at <c>POST /v3/mail/send</c>, with readers for SendGrid's v3 JSON.</summary>
public sealed record CapturedMailRequest(JsonElement Body, string? Authorization, DateTimeOffset ReceivedAt, int AnsweredStatus)
{
    /// <summary>Every <c>personalizations[].to[].email</c>, in order.</summary>
    public IReadOnlyList<string> To =>
        Array(Body, "personalizations")
            .SelectMany(personalization => Array(personalization, "to"))
            .Select(address => address.GetProperty("email").GetString()!)
            .ToList();

    public string? FromEmail => Property(Body, "from")?.GetProperty("email").GetString();

    public string? FromName => Property(Body, "from") is { } from && from.TryGetProperty("name", out var name) ? name.GetString() : null;

    public string? Subject => Property(Body, "subject")?.GetString();

    public string? Text => Content("text/plain");

    public string? Html => Content("text/html");

    /// <summary>The message's <c>custom_args</c>, from the top level and from each personalization.</summary>
    public IReadOnlyDictionary<string, string> CustomArgs =>
        new[] { Body }
            .Concat(Array(Body, "personalizations"))
            .Select(scope => Property(scope, "custom_args"))
            .OfType<JsonElement>()
            .SelectMany(arguments => arguments.EnumerateObject())
            .GroupBy(argument => argument.Name)
            .ToDictionary(group => group.Key, group => group.Last().Value.GetString()!);

    /// <summary>The <c>value</c> of the <c>content[]</c> entry of <paramref name="type"/>.</summary>
    public string? Content(string type) =>
        Array(Body, "content")
            .Where(content => content.GetProperty("type").GetString() == type)
            .Select(content => content.GetProperty("value").GetString())
            .FirstOrDefault();

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
