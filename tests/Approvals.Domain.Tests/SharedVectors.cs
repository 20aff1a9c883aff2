using System.Text.Json;

namespace Approvals.Domain.Tests;

/// <summary>
/// The vectors under tests/vectors, copied next to the tests at build: the same files the pages' node tests read, so
/// that the C# rules and their copies in wwwroot/js cannot disagree.
/// </summary>
public static class SharedVectors
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", name))).RootElement;

    /// <summary>The items of a vector list, by their index (xunit shows one case per item).</summary>
    public static TheoryData<int> Indexes(string name, string list) =>
        [.. Enumerable.Range(0, Load(name).GetProperty(list).GetArrayLength())];
}
