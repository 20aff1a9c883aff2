using System.Text.RegularExpressions;

namespace Approvals.Application;

/// <summary>
/// What an authority's id may be. It prefixes the authority's storage keys and is sent in a header and a cookie, so it
/// is kept to what needs no escaping anywhere: lowercase ASCII letters, digits and hyphens, at most
/// <see cref="MaxLength"/>. It begins with a letter, which sorts after every digit: a range of the first authority's
/// bare date keys ("2024-05-06") then never holds another authority's prefixed keys ("pma|2024-05-06").
/// </summary>
public static partial class AuthorityIds
{
    public const int MaxLength = 32;

    /// <summary>The rule, as shown to the person who gave the id.</summary>
    public const string Rule = "Identifiant de collectivité : de 1 à 32 caractères parmi les lettres minuscules sans accent, les chiffres et le tiret, commençant par une lettre";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The error for an id that breaks the rule, naming <paramref name="field"/> and the rule.</summary>
    public static ArgumentException Invalid(string? id, string field) => new($"Authority id \"{id}\" is not valid. {Rule}.", field);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
