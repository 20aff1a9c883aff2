namespace Approvals.Infra.Tests;

public class BicepToolTests
{
    [Fact]
    public void Build_of_main_succeeds_without_any_diagnostic()
    {
        var result = Bicep.Run("build", "main.bicep", "--stdout");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("", result.StandardError.Trim());
    }

    [Fact]
    public void Lint_of_main_reports_no_warning_and_no_error()
    {
        var result = Bicep.Run("lint", "main.bicep");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("", result.StandardError.Trim());
    }

    [Fact]
    public void Lint_reports_a_warning_that_the_configuration_raises()
    {
        // Proves the lint test can fail: bicepconfig.json raises no-hardcoded-location to a warning.
        var directory = Directory.CreateTempSubdirectory("approvals-bicep-");
        try
        {
            File.Copy(Path.Combine(Locations.Infra, "bicepconfig.json"), Path.Combine(directory.FullName, "bicepconfig.json"));
            var file = Path.Combine(directory.FullName, "sample.bicep");
            File.WriteAllText(file, """
                resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
                  name: 'log-sample'
                  location: 'westeurope'
                }
                """);

            var result = Bicep.Run("lint", file);

            Assert.Contains(result.Diagnostics, line => line.Contains("no-hardcoded-location", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
