using System.Text.Json;

namespace Approvals.Infra.Tests;

public class HostSettingsTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    // Settings that exist only locally: Azure uses identity-based connections and a durable clock instead.
    private static readonly HashSet<string> LocalOnly =
    [
        "AzureWebJobsStorage",
        "FUNCTIONS_WORKER_RUNTIME",
        "Storage__ConnectionString",
    ];

    private static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Locations.InRepository(file))).RootElement.Clone();

    [Fact]
    public void Host_json_sets_the_route_prefix_the_task_hub_and_sampling()
    {
        var host = Read("host.json");
        var extensions = host.GetProperty("extensions");
        var durable = extensions.GetProperty("durableTask");
        var sampling = host.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("api", extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("ApprovalsHub", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureWebJobsStorage", durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
        Assert.True(TimeSpan.Parse(host.GetProperty("functionTimeout").GetString()!) > TimeSpan.Zero);
        Assert.True(sampling.GetProperty("isEnabled").GetBoolean());
        Assert.Equal("Request;Exception", sampling.GetProperty("excludedTypes").GetString());
    }

    [Fact]
    public void Local_settings_example_runs_on_azurite_with_the_isolated_worker()
    {
        var local = Read("local.settings.example.json");
        var values = local.GetProperty("Values");

        Assert.False(local.GetProperty("IsEncrypted").GetBoolean());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.All(values.EnumerateObject(), setting => Assert.Equal(JsonValueKind.String, setting.Value.ValueKind));
    }

    [Fact]
    public void Every_application_setting_of_the_example_is_also_set_in_azure()
    {
        var names = Read("local.settings.example.json").GetProperty("Values").EnumerateObject()
            .Select(setting => setting.Name)
            .Where(name => !LocalOnly.Contains(name))
            .ToList();
        var appSettings = Assert.Single(
            template.OfType("Microsoft.Web/sites/config"),
            config => config.Name.Contains("'appsettings'", StringComparison.Ordinal));
        var azure = appSettings.Properties.GetRawText() + appSettings.Template.GetProperty("variables").GetRawText();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(
            name.StartsWith("Mail__FinanceRecipients__", StringComparison.Ordinal) ? "'Mail__FinanceRecipients__{0}'" : $"'{name}'",
            azure));
    }
}
