using System.Text.Json;
using Approvals.Testing;

namespace Approvals.Orchestration.Tests;

/// <summary>The <c>functions.metadata</c> file the Functions SDK generates into the Function App's build output.</summary>
public static class FunctionsMetadata
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<FunctionEntry> Read()
    {
        var bin = Path.Combine(RepositoryRoot.Path, "src", "Approvals.Functions", "bin");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(bin, configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"The Function App's build output has no {path}.");
        return JsonSerializer.Deserialize<List<FunctionEntry>>(File.ReadAllText(path), Json)!;
    }

    public sealed record FunctionEntry(string Name, IReadOnlyList<Binding> Bindings);

    /// <summary>One binding; <paramref name="Methods"/> and <paramref name="Route"/> are set on HTTP triggers only.</summary>
    public sealed record Binding(string Type, string Direction, string? Route, IReadOnlyList<string>? Methods);
}
