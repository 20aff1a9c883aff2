using System.Security.Cryptography;
using System.Text;

namespace Approvals.Application;

/// <summary>The one-time sign-in link's rules, as pure functions: its token, what is stored of it, and when it is refused.</summary>
public static class MagicLinks
{
    /// <summary>How long a link signs in (issue 16: thirty minutes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>256 random bits, URL-safe: guessing one is hopeless, and only its hash is stored.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>What the store keeps: a stolen table gives no working link.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Addresses compare without case or surrounding blanks: one person, one set of dossiers.</summary>
    public static string Normalise(string address) => address.Trim().ToLowerInvariant();

    /// <summary>A storage key for an address that does not show the address.</summary>
    public static string AddressKey(string address) => Hash("address:" + Normalise(address));

    /// <summary>Why a link just used may not sign in, or null when it may.</summary>
    public static string? Refusal(PortalLink link, bool usedNow, string origin, DateTimeOffset now) =>
        !usedNow ? "Ce lien de connexion a déjà servi : demandez-en un nouveau."
        : now > link.ExpiresAt ? "Ce lien de connexion a expiré (il vaut 30 minutes) : demandez-en un nouveau."
        : !string.Equals(link.Origin, origin, StringComparison.OrdinalIgnoreCase) ? "Ce lien de connexion a été envoyé par un autre site : demandez-en un nouveau ici."
        : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
