
namespace Approvals.Domain;

/// <summary>Small field checks shared by the process: each returns a refusal naming the field, or null.</summary>
internal static partial class Checks
{
    public static Refusal? Text(string? value, string field, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Refusal.Invalid("text.required", field, "Champ obligatoire", $"{label} est obligatoire.");
        }

        if (value.Length > maxLength)
        {
            return Refusal.Invalid("text.too-long", field, "Longueur maximale", $"{label} dépasse {maxLength} caractères ({value.Length}).");
        }

        return value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? Refusal.Invalid("text.control-character", field, "Caractères de contrôle interdits", $"{label} contient des caractères de contrôle.")
            : null;
    }

    /// <summary>A person's or an organisation's name: text without markup characters.</summary>
    public static Refusal? Name(string? value, string field, string label) =>
        Text(value, field, 200, label) ?? (value!.IndexOfAny(['<', '>', '\n', '\r', '\t']) >= 0
            ? Refusal.Invalid("name.characters", field, "Caractères interdits dans un nom", $"{label} ne peut pas contenir les caractères < > ni de retour à la ligne.")
            : null);

    public static Refusal? Email(string? value, string field, string label) => EmailAddresses.Check(value, field, label);

    /// <summary>The first plausible date of any act: nothing this application records predates it.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>How far ahead a planned date (end of actions, of a convention, a report due) may lie.</summary>
    public const int LatestYearsAhead = 30;

    /// <summary>
    /// The date of an act already done: not in the future, and not before <see cref="EarliestDate"/> (a typing slip
    /// such as 0001-01-01 would otherwise number the dossier SUB-0001-…).
    /// </summary>
    public static Refusal? NotInFuture(DateOnly date, DateTimeOffset now, string field, string label) =>
        date < EarliestDate
            ? Refusal.Invalid("date.implausible", field, $"Date à partir du {Show(EarliestDate)}", $"{label} ({Show(date)}) doit être postérieure au {Show(EarliestDate)}.")
            : date > FrenchCalendar.ParisDate(now)
                ? Refusal.Invalid("date.future", field, "Date non future", $"{label} ({Show(date)}) ne peut pas être dans le futur.")
                : null;

    /// <summary>
    /// A planned date: between <see cref="EarliestDate"/> and <see cref="LatestYearsAhead"/> years from today, so that
    /// the deadlines computed from it stay within the calendar.
    /// </summary>
    public static Refusal? Plausible(DateOnly date, DateTimeOffset now, string field, string label)
    {
        var latest = FrenchCalendar.ParisDate(now).AddYears(LatestYearsAhead);
        return date < EarliestDate || date > latest
            ? Refusal.Invalid("date.implausible", field, $"Date entre le {Show(EarliestDate)} et le {Show(latest)}",
                $"{label} ({Show(date)}) doit être comprise entre le {Show(EarliestDate)} et le {Show(latest)}.")
            : null;
    }

    /// <summary>Order of acts: a date cannot go back before the act it depends on.</summary>
    public static Refusal? NotBefore(DateOnly date, DateOnly? earlier, string field, string label, string earlierLabel) =>
        earlier is { } e && date < e
            ? Refusal.Invalid("date.backwards", field, "Chronologie des actes", $"{label} ({Show(date)}) ne peut pas précéder {earlierLabel} ({Show(e)}).")
            : null;

    public static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<Refusal> All(params Refusal?[] refusals) => refusals.OfType<Refusal>().ToList();
}
