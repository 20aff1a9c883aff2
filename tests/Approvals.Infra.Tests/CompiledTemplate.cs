using System.Text.Json;

namespace Approvals.Infra.Tests;

/// <summary>infra/main.bicep compiled once to ARM JSON, with the resources of every nested module flattened.</summary>
public sealed class CompiledTemplate
{
    public CompiledTemplate()
    {
        var result = Bicep.Run("build", "main.bicep", "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {result.StandardError}");
        }
        Text = result.StandardOutput;
        Root = JsonDocument.Parse(Text).RootElement.Clone();
        Resources = Flatten(Root).ToList();
    }

    public string Text { get; }

    public JsonElement Root { get; }

    /// <summary>Every resource with the template (main or module) that declares it.</summary>
    public IReadOnlyList<DeclaredResource> Resources { get; }

    public IEnumerable<DeclaredResource> OfType(string type) =>
        Resources.Where(resource => resource.Type == type && !resource.IsExisting);

    private static IEnumerable<DeclaredResource> Flatten(JsonElement template)
    {
        // Templates with languageVersion 2.0 hold resources in an object keyed by symbolic name.
        var resources = template.GetProperty("resources");
        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(property => property.Value)
            : resources.EnumerateArray();
        foreach (var resource in items)
        {
            yield return new DeclaredResource(resource, template);
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            {
                foreach (var nested in Flatten(resource.GetProperty("properties").GetProperty("template")))
                {
                    yield return nested;
                }
            }
        }
    }
}

public sealed record DeclaredResource(JsonElement Element, JsonElement Template)
{
    public string Type => Element.GetProperty("type").GetString()!;

    public bool IsExisting => Element.TryGetProperty("existing", out var existing) && existing.GetBoolean();

    public JsonElement Properties => Element.GetProperty("properties");

    public string Name => Element.GetProperty("name").GetString()!;

    /// <summary>The value of a variable of the declaring template.</summary>
    public JsonElement Variable(string name) => Template.GetProperty("variables").GetProperty(name);
}
