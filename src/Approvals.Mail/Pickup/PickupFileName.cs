using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Approvals.Mail;

/// <summary>Names of the <c>.eml</c> files in the pickup folder: <c>yyyyMMddTHHmmssfff-&lt;key-safe&gt;.eml</c>.</summary>
public static partial class PickupFileName
{
    public const string Extension = ".eml";

    private const string StampFormat = "yyyyMMdd'T'HHmmssfff";
    private const int StampLength = 18;
    private const int MaxKeyLength = 80;

    /// <summary>The key as it appears in a file name. A key that had to be altered gets a hash suffix, so two keys never share a name.</summary>
    public static string SafeKey(string key)
    {
        if (SafeKeyPattern().IsMatch(key) && key.Length <= MaxKeyLength)
        {
            return key;
        }

        var cleaned = UnsafeCharacter().Replace(key, "_");
        var prefix = cleaned.Length > MaxKeyLength - 17 ? cleaned[..(MaxKeyLength - 17)] : cleaned;
        return $"{prefix}~{Hash(key)}";
    }

    public static string Id(DateTimeOffset sentAt, string key) =>
        $"{sentAt.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}-{SafeKey(key)}";

    /// <summary>Whether <paramref name="id"/> is one this folder could hold: a stamp and a safe key, nothing that climbs out of the folder.</summary>
    public static bool IsValidId(string id) =>
        IdPattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    /// <summary>Whether file <paramref name="id"/> holds the mail of <paramref name="safeKey"/> (an exact match, not a suffix).</summary>
    public static bool HoldsKey(string id, string safeKey) =>
        id.Length == StampLength + 1 + safeKey.Length && id.EndsWith("-" + safeKey, StringComparison.Ordinal);

    private static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeKeyPattern();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacter();

    [GeneratedRegex("^[0-9]{8}T[0-9]{9}-[A-Za-z0-9._~-]{1,80}$")]
    private static partial Regex IdPattern();
}
