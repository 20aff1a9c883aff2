namespace Approvals.Finance;

/// <summary>
/// One CSV cell, encoded for every CSV this library writes: RFC 4180 quoting, and text that a spreadsheet would take
/// for a formula (starting with =, +, -, @, a tab or a carriage return) prefixed with an apostrophe (OWASP "CSV
/// injection"). Numbers and dates we format ourselves go through <see cref="Number"/>, which never adds the
/// apostrophe, so that a genuine negative amount stays a number.
/// </summary>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Text from users or the register: neutralised, then quoted when needed.</summary>
    public static string Text(string? value, char separator) => Quote(Neutralise(value ?? string.Empty), separator);

    /// <summary>A value this library formatted itself (an amount, a date): quoted when needed, never neutralised.</summary>
    public static string Number(string formatted, char separator) => Quote(formatted, separator);

    /// <summary>Prefixes an apostrophe to a value a spreadsheet would evaluate as a formula.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    /// <summary>Writes encoded cells as one record ended by CRLF (RFC 4180).</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string> encodedCells, char separator)
    {
        writer.Write(string.Join(separator, encodedCells));
        writer.Write("\r\n");
    }

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
