using System.Text.RegularExpressions;

namespace Approvals.Domain;

/// <summary>
/// The one address rule of the application, applied wherever an address is entered: a plain <c>local@domain</c> that
/// both mailers take as it is (MimeKit's parser for the pickup folder, SendGrid's API, which refuses with 400 what
/// RFC 5322 allows but it does not). Local part: ASCII letters, digits and <c>. _ % + - '</c>, dots neither first, last
/// nor doubled; domain: at least two labels of letters, digits and inner hyphens, the last one letters only. So no
/// comment <c>(x)</c>, no list separator <c>, ;</c>, no group or route <c>:</c>, no quoted local part, no accents.
/// </summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 254;

    public static bool IsSendable(string? value) => value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    /// <summary>A refusal naming <paramref name="field"/> and saying what the address may contain, or null.</summary>
    public static Refusal? Check(string? value, string field, string label) =>
        IsSendable(value)
            ? null
            : Refusal.Invalid("email.format", field, "Adresse électronique acceptée par la messagerie",
                string.IsNullOrWhiteSpace(value)
                    ? $"{label} ({field}) est obligatoire."
                    : $"{label} ({field}) « {(value.Length > 60 ? value[..60] + "…" : value)} » n'est pas une adresse que la messagerie peut utiliser : "
                      + "écrivez-la sous la forme nom@domaine.fr, avec avant l'arobase seulement des lettres sans accent, des chiffres et . _ % + - ' "
                      + "(un point ni au début, ni à la fin, ni deux de suite), sans espace, virgule, point-virgule, deux-points ni parenthèses.");

    [GeneratedRegex(@"^[A-Za-z0-9_%+'-]+(\.[A-Za-z0-9_%+'-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex Pattern();
}
