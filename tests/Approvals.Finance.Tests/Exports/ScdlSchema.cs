using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Approvals.Finance.Tests;

/// <summary>The SCDL "subventions" 2.1.1 field list kept as test data, and the check of a row against it.</summary>
public sealed record ScdlSchema(IReadOnlyList<ScdlField> Fields, IReadOnlyList<IReadOnlyList<string>> OneOfRequired)
{
    public static ScdlSchema Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scdl-subventions-2.1.1-fields.json")));
        var root = json.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().Select(f => new ScdlField(
            f.GetProperty("name").GetString()!,
            f.GetProperty("type").GetString()!,
            f.GetProperty("required").GetBoolean(),
            f.TryGetProperty("pattern", out var p) ? p.GetString() : null,
            f.TryGetProperty("maxLength", out var m) ? m.GetInt32() : null,
            f.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToList() : null,
            f.TryGetProperty("minimum", out var min) ? min.GetDecimal() : null,
            f.TryGetProperty("maximum", out var max) ? max.GetDecimal() : null)).ToList();
        var oneOf = root.GetProperty("oneOfRequired").EnumerateArray()
            .Select(g => (IReadOnlyList<string>)g.EnumerateArray().Select(v => v.GetString()!).ToList()).ToList();
        return new ScdlSchema(fields, oneOf);
    }

    /// <summary>Every fault of a data row, as "field: reason".</summary>
    public IReadOnlyList<string> Faults(IReadOnlyList<string> row)
    {
        var faults = new List<string>();
        if (row.Count != Fields.Count)
        {
            return [$"{row.Count} cells instead of {Fields.Count}"];
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            faults.AddRange(Fields[i].Faults(row[i]).Select(f => $"{Fields[i].Name}: {f}"));
        }

        foreach (var group in OneOfRequired)
        {
            if (group.All(name => row[Fields.ToList().FindIndex(f => f.Name == name)].Length == 0))
            {
                faults.Add($"one of {string.Join(", ", group)} is required");
            }
        }

        return faults;
    }
}

public sealed record ScdlField(string Name, string Type, bool Required, string? Pattern, int? MaxLength, IReadOnlyList<string>? Enum, decimal? Minimum, decimal? Maximum)
{
    public IEnumerable<string> Faults(string value)
    {
        if (value.Length == 0)
        {
            if (Required)
            {
                yield return "required";
            }

            yield break;
        }

        if (Pattern is not null && !Regex.IsMatch(value, Pattern))
        {
            yield return $"'{value}' does not match {Pattern}";
        }

        if (MaxLength is { } max && value.Length > max)
        {
            yield return $"longer than {max}";
        }

        if (Enum is not null && !Enum.Contains(value))
        {
            yield return $"'{value}' not in {string.Join("|", Enum)}";
        }

        if (Type == "number")
        {
            if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                yield return $"'{value}' is not a dot-decimal number";
            }
            else if ((Minimum is { } min && number < min) || (Maximum is { } top && number > top))
            {
                yield return $"{number} out of range";
            }
        }

        if (Type == "date" && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"'{value}' is not an ISO date";
        }
    }
}
