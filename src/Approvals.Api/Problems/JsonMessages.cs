using System.Text.Json;

namespace Approvals.Api;

/// <summary>Turns the serializer's English into a French sentence that names the field.</summary>
public static class JsonMessages
{
    public static string Explain(JsonException e)
    {
        var field = e.Path is null or "$" ? "la requête" : $"le champ « {e.Path.TrimStart('$', '.')} »";
        var message = e.Message;
        return message.Contains("could not be converted", StringComparison.Ordinal) ? $"La valeur de {field} n'est pas du type attendu ou n'est pas une valeur connue."
            : message.Contains("missing required properties", StringComparison.Ordinal) ? $"Des champs obligatoires manquent dans {field} : {Missing(message)}."
            : message.Contains("could not be mapped", StringComparison.Ordinal) ? $"{Capitalize(field)} contient un champ inconnu."
            : message.Contains("null", StringComparison.OrdinalIgnoreCase) ? $"{Capitalize(field)} ne peut pas être vide (null)."
            : $"Le JSON est mal formé près de {field}.";
    }

    private static string Missing(string message)
    {
        var at = message.IndexOf("properties:", StringComparison.Ordinal);
        return at < 0 ? "?" : message[(at + 11)..].Trim().TrimEnd('.');
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
