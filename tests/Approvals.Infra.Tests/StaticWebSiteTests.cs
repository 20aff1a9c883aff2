using System.Text.Json;

namespace Approvals.Infra.Tests;

/// <summary>infra/web/build-site.sh, run as azd runs it before deploying the `web` service.</summary>
public sealed class StaticWebSiteTests : IDisposable
{
    private const string TenantId = "0b6a4c7e-1f2d-4e3a-9c8b-7d6e5f4a3b2c";

    private readonly DirectoryInfo repository = Directory.CreateTempSubdirectory("approvals-web-");

    public StaticWebSiteTests()
    {
        var web = Directory.CreateDirectory(Path.Combine(repository.FullName, "infra", "web"));
        foreach (var file in new[] { "build-site.sh", "staticwebapp.config.template.json" })
        {
            File.Copy(Path.Combine(Locations.Infra, "web", file), Path.Combine(web.FullName, file));
        }
    }

    private string Web => Path.Combine(repository.FullName, "infra", "web");

    private ProcessResult BuildSite(string? tenantId) =>
        Processes.Run("sh", Web, new Dictionary<string, string?> { ["ENTRA_TENANT_ID"] = tenantId }, "./build-site.sh");

    [Fact]
    public void Site_holds_the_intranet_pages_and_a_sign_in_configuration_for_the_tenant()
    {
        var pages = Directory.CreateDirectory(Path.Combine(repository.FullName, "src", "Approvals.Server", "wwwroot", "css"));
        File.WriteAllText(Path.Combine(pages.Parent!.FullName, "index.html"), "<h1>Dossiers</h1>");
        File.WriteAllText(Path.Combine(pages.FullName, "site.css"), "body{}");
        var demo = Directory.CreateDirectory(Path.Combine(repository.FullName, "src", "Approvals.Server", "Demo"));
        File.WriteAllText(Path.Combine(demo.FullName, "seed-004.json"), "{\"dossiers\":[]}");

        var result = BuildSite(TenantId);

        Assert.Equal(0, result.ExitCode);
        var site = Path.Combine(Web, "site");
        Assert.Equal("<h1>Dossiers</h1>", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.True(File.Exists(Path.Combine(site, "css", "site.css")));
        Assert.Equal("{\"dossiers\":[]}", File.ReadAllText(Path.Combine(site, "Demo", "seed-004.json")));
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "staticwebapp.config.json"))).RootElement;
        var registration = config.GetProperty("auth").GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("registration");
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/v2.0", registration.GetProperty("openIdIssuer").GetString());
        Assert.All(
            config.GetProperty("routes").EnumerateArray(),
            route => Assert.Equal(["authenticated"], route.GetProperty("allowedRoles").EnumerateArray().Select(role => role.GetString())));
        Assert.Contains(config.GetProperty("routes").EnumerateArray(), route => route.GetProperty("route").GetString() == "/api/*");
        var headers = config.GetProperty("globalHeaders");
        var policy = headers.GetProperty("Content-Security-Policy").GetString();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", headers.GetProperty("X-Content-Type-Options").GetString());
        Assert.StartsWith("max-age=", headers.GetProperty("Strict-Transport-Security").GetString());
    }

    [Fact]
    public void Without_a_tenant_the_site_is_not_built()
    {
        Directory.CreateDirectory(Path.Combine(repository.FullName, "src", "Approvals.Server", "wwwroot"));

        var result = BuildSite(tenantId: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ENTRA_TENANT_ID", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(Web, "site")));
    }

    [Fact]
    public void Without_the_intranet_pages_the_site_is_not_built()
    {
        var result = BuildSite(TenantId);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("wwwroot", result.StandardError);
    }

    public void Dispose() => repository.Delete(recursive: true);
}
