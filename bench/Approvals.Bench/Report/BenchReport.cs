using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approvals.Bench;

/// <summary>The run's results: printed as a table, written as JSON.</summary>
public sealed record BenchReport(string Mode, DateTimeOffset StartedAt, double DurationSeconds, Machine Machine, IReadOnlyList<ScenarioResult> Scenarios)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A Markdown table, the one the README carries.</summary>
    public string ToTable()
    {
        var table = new StringBuilder();
        table.AppendLine("| # | figure | median | spread (min–max) | target | met |");
        table.AppendLine("| --- | --- | ---: | ---: | --- | --- |");
        foreach (var scenario in Scenarios)
        {
            if (scenario.Error is not null)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {scenario.Id} | **failed**: {scenario.Error.ReplaceLineEndings(" ")} | | | | |");
                continue;
            }

            foreach (var metric in scenario.Metrics)
            {
                var met = metric.Met switch { true => "yes", false => "**no**", null => "" };
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {scenario.Id} | {metric.Name} | {Format(metric.Median)} {metric.Unit} | {Format(metric.Min)}–{Format(metric.Max)} | {metric.Target} | {met} |");
            }
        }

        return table.ToString();
    }

    private static string Format(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("0.00", CultureInfo.InvariantCulture);
}
