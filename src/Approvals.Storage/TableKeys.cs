using System.Text;

namespace Approvals.Storage;

/// <summary>Table keys built from application values.</summary>
internal static class TableKeys
{
    /// <summary>
    /// Percent-encodes what Table Storage forbids in keys ('/', '\', '#', '?', control characters) and the characters
    /// this adapter uses itself ('%', '|'), so distinct values always give distinct keys.
    /// </summary>
    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (NeedsEscape(character))
            {
                escaped.Append('%').Append(((int)character).ToString("X2"));
            }
            else
            {
                escaped.Append(character);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char character) =>
        character is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(character);
}
