using System.Reflection;

namespace Approvals.Infra.Tests;

/// <summary>Paths written into the test assembly at build time (see the csproj's AssemblyMetadata items).</summary>
public static class Locations
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string BicepCli { get; } = Metadata("BicepPath");

    public static string Infra { get; } = Path.Combine(RepositoryRoot, "infra");

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string Metadata(string key) =>
        typeof(Locations).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} has no value.");
}
