using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Approvals.Storage.Tests;

/// <summary>Issue 17 item 5: a wrong <c>Storage</c> setting stops the start with a message naming it.</summary>
public sealed class StorageOptionsValidationTests
{
    [Fact]
    public async Task Given_a_zero_timeout_and_a_bad_container_name_When_the_host_starts_Then_it_stops_naming_both_settings()
    {
        using var host = Host(new()
        {
            ["Storage:RequestTimeout"] = "00:00:00",
            ["Storage:DocumentsContainer"] = "Dossiers_2022",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:RequestTimeout must be positive (found 00:00:00)", failure.Message);
        Assert.Contains("Storage:DocumentsContainer 'Dossiers_2022' is not a container name", failure.Message);
        Assert.DoesNotContain("Storage:DossiersTable", failure.Message);
    }

    [Fact]
    public async Task Given_only_one_service_uri_When_the_host_starts_Then_it_names_the_missing_one()
    {
        using var host = Host(new() { ["Storage:BlobServiceUri"] = "https://account.blob.core.windows.net" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:TableServiceUri", failure.Message);
        Assert.DoesNotContain("Storage:BlobServiceUri", failure.Message);
    }

    [Fact]
    public void Given_the_defaults_or_the_Azure_settings_Then_nothing_is_refused()
    {
        var validation = new StorageOptionsValidation();

        Assert.True(validation.Validate(null, new StorageOptions()).Succeeded);
        Assert.True(validation.Validate(null, new StorageOptions
        {
            ConnectionString = "",
            BlobServiceUri = "https://account.blob.core.windows.net",
            TableServiceUri = "https://account.table.core.windows.net",
        }).Succeeded);
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddApprovalsStorage(builder.Configuration);
        return builder.Build();
    }
}
