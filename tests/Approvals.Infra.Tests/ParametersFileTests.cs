using System.Text.Json;

namespace Approvals.Infra.Tests;

public class ParametersFileTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private static readonly JsonElement Mapped =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Locations.Infra, "main.parameters.json"))).RootElement
            .GetProperty("parameters").Clone();

    [Fact]
    public void Every_parameter_azd_passes_exists_in_the_template()
    {
        var declared = template.Root.GetProperty("parameters");

        Assert.All(Mapped.EnumerateObject(), parameter => Assert.True(declared.TryGetProperty(parameter.Name, out _), parameter.Name));
    }

    [Fact]
    public void Every_parameter_without_a_default_comes_from_an_azd_environment_variable()
    {
        var required = template.Root.GetProperty("parameters").EnumerateObject()
            .Where(parameter => !parameter.Value.TryGetProperty("defaultValue", out _))
            .Select(parameter => parameter.Name)
            .ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name =>
        {
            Assert.True(Mapped.TryGetProperty(name, out var mapped), $"{name} is not in main.parameters.json");
            Assert.Matches(@"^\$\{[A-Z_]+\}$", mapped.GetProperty("value").GetString());
        });
    }
}
