using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Approvals.Finance.Tests;

/// <summary>
/// The published SCDL "subventions" 2.1.1 table schema (TestData/scdl-subventions-2.1.1.schema.json, a verbatim copy:
/// see TestData/README.md) and the check of an exported row against it, as a Frictionless validator reads it: each
/// field's type and constraints, then the schema's custom checks.
/// </summary>
public sealed record ScdlSchema(string Version, IReadOnlyList<ScdlField> Fields, IReadOnlyList<string> SiretColumns, IReadOnlyList<(string, string)> OneOfRequired)
{
    public static ScdlSchema Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scdl-subventions-2.1.1.schema.json")));
        var root = json.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().Select(ScdlField.Read).ToList();
        var checks = root.GetProperty("custom_checks").EnumerateArray().ToList();
        var known = new[] { "french-siret-value", "one-of-required" };
        if (checks.Select(c => c.GetProperty("name").GetString()).FirstOrDefault(n => !known.Contains(n)) is { } unknown)
        {
            throw new InvalidDataException($"The schema asks for a custom check this validator does not know: {unknown}.");
        }

        return new ScdlSchema(
            root.GetProperty("version").GetString()!,
            fields,
            checks.Where(c => c.GetProperty("name").GetString() == "french-siret-value").Select(c => c.GetProperty("params").GetProperty("column").GetString()!).ToList(),
            checks.Where(c => c.GetProperty("name").GetString() == "one-of-required")
                .Select(c => (c.GetProperty("params").GetProperty("column1").GetString()!, c.GetProperty("params").GetProperty("column2").GetString()!)).ToList());
    }

    /// <summary>Every fault of a data row, as "field: reason"; empty when the row is valid.</summary>
    public IReadOnlyList<string> Faults(IReadOnlyList<string> row)
    {
        if (row.Count != Fields.Count)
        {
            return [$"{row.Count} cells instead of {Fields.Count}"];
        }

        var faults = new List<string>();
        for (var i = 0; i < Fields.Count; i++)
        {
            faults.AddRange(Fields[i].Faults(row[i]).Select(f => $"{Fields[i].Name}: {f}"));
        }

        string Cell(string name) => row[Fields.ToList().FindIndex(f => f.Name == name)];
        foreach (var column in SiretColumns.Where(c => Cell(c).Length > 0 && !IsSiret(Cell(c))))
        {
            faults.Add($"{column}: '{Cell(column)}' is not a valid SIRET (french-siret-value)");
        }

        foreach (var (first, second) in OneOfRequired.Where(p => Cell(p.Item1).Length == 0 && Cell(p.Item2).Length == 0))
        {
            faults.Add($"{first}, {second}: one of them is required (one-of-required)");
        }

        return faults;
    }

    /// <summary>
    /// 14 digits, the SIRET and its SIREN each with a Luhn check; La Poste's establishments (SIREN 356000000) use a digit
    /// sum multiple of 5 instead (INSEE's rule, as the schema's french-siret-value check applies it).
    /// </summary>
    public static bool IsSiret(string value)
    {
        if (value.Length != 14 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (value.StartsWith("356000000", StringComparison.Ordinal))
        {
            return value.Sum(c => c - '0') % 5 == 0;
        }

        return Luhn(value) && Luhn(value[..9]);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = (digits[digits.Length - 1 - i] - '0') * (i % 2 == 1 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }

        return sum % 10 == 0;
    }
}

/// <summary>One field of the table schema: its Frictionless type and constraints.</summary>
public sealed record ScdlField(
    string Name, string Type, bool Required, string? Pattern, int? MaxLength, IReadOnlyList<string>? Enum, decimal? Minimum, decimal? Maximum,
    IReadOnlyList<string> TrueValues, IReadOnlyList<string> FalseValues)
{
    public static ScdlField Read(JsonElement field)
    {
        var c = field.TryGetProperty("constraints", out var constraints) ? constraints : default;
        T? Constraint<T>(string name, Func<JsonElement, T> read)
            where T : struct => c.ValueKind == JsonValueKind.Object && c.TryGetProperty(name, out var v) ? read(v) : null;
        IReadOnlyList<string> Strings(JsonElement parent, string name, IReadOnlyList<string> otherwise) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(s => s.GetString()!).ToList() : otherwise;

        return new ScdlField(
            field.GetProperty("name").GetString()!,
            field.GetProperty("type").GetString()!,
            Constraint("required", v => v.GetBoolean()) ?? false,
            c.ValueKind == JsonValueKind.Object && c.TryGetProperty("pattern", out var p) ? p.GetString() : null,
            Constraint("maxLength", v => v.GetInt32()),
            c.ValueKind == JsonValueKind.Object && c.TryGetProperty("enum", out _) ? Strings(c, "enum", []) : null,
            Constraint("minimum", v => v.GetDecimal()),
            Constraint("maximum", v => v.GetDecimal()),
            // Frictionless defaults when the field does not set them.
            Strings(field, "trueValues", ["true", "True", "TRUE", "1"]),
            Strings(field, "falseValues", ["false", "False", "FALSE", "0"]));
    }

    public IEnumerable<string> Faults(string value)
    {
        // The schema has no missingValues: the empty string is a missing value (the Frictionless default).
        if (value.Length == 0)
        {
            if (Required)
            {
                yield return "required";
            }

            yield break;
        }

        switch (Type)
        {
            case "string":
                break;
            case "number" when !NumberPattern().IsMatch(value):
                yield return $"'{value}' is not a number (type number, dot decimal separator)";
                yield break;
            case "number":
                var number = decimal.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                if (Minimum is { } min && number < min)
                {
                    yield return $"{value} is below the minimum {min}";
                }

                if (Maximum is { } max && number > max)
                {
                    yield return $"{value} is above the maximum {max}";
                }

                break;
            case "date" when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                yield return $"'{value}' is not a date (type date, format YYYY-MM-DD)";
                break;
            case "boolean" when !TrueValues.Contains(value) && !FalseValues.Contains(value):
                yield return $"'{value}' is not a boolean ({string.Join("|", TrueValues.Concat(FalseValues))})";
                break;
            case "date" or "boolean":
                break;
            default:
                throw new InvalidDataException($"Field {Name}: type {Type} is not known to this validator.");
        }

        // Frictionless matches the whole value; ECMAScript makes \d mean [0-9] only, as in the schema's regular expressions.
        if (Pattern is not null && !Regex.IsMatch(value, $"^(?:{Pattern})$", RegexOptions.ECMAScript))
        {
            yield return $"'{value}' does not match {Pattern}";
        }

        if (MaxLength is { } length && value.Length > length)
        {
            yield return $"{value.Length} characters, more than {length}";
        }

        if (Enum is not null && !Enum.Contains(value))
        {
            yield return $"'{value}' is not one of {string.Join(" | ", Enum)}";
        }
    }

    private static Regex NumberPattern() => new(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant);
}
