using System.Globalization;
using System.Text.Json.Nodes;

namespace Approvals.Reliability.Tests;

/// <summary>
/// API bodies for one small dossier (9 000 € requested out of a 15 790 € budget, as in the seed), with the dates the
/// test chooses, so that the same walk works under a fake clock and under the system clock.
/// </summary>
public static class Bodies
{
    public const string Siret = "73282932000074";
    public const decimal Amount = 9_000m;

    public static JsonObject Request(DateOnly receivedOn, string name = "Association Les Amis du Doubs", string? @object = null, int budgetYear = 0) => new()
    {
        ["receivedOn"] = Day(receivedOn),
        ["beneficiary"] = new JsonObject
        {
            ["name"] = name,
            ["siret"] = Siret,
            ["rna"] = "W251004567",
            ["representative"] = "Pascal Vairac",
            ["email"] = "contact@amis-du-doubs.example.org",
        },
        ["object"] = @object ?? "Programme d'actions : ateliers, visites et rencontres",
        ["actionsStart"] = Day(new DateOnly(receivedOn.Year, 1, 1)),
        ["actionsEnd"] = Day(new DateOnly(receivedOn.Year, 12, 31)),
        ["budget"] = new JsonObject
        {
            ["expenses"] = new JsonArray(Expense("Salaires du personnel", 9_490m), Expense("Achats", 6_300m)),
            ["revenues"] = new JsonArray(
                Revenue("Région Bourgogne Franche-Comté", 6_790m, false),
                Revenue("Grand Besançon Métropole", Amount, true)),
        },
        ["amountRequested"] = Amount,
        ["budgetLine"] = new JsonObject { ["year"] = budgetYear == 0 ? receivedOn.Year : budgetYear, ["code"] = "65-23-6574", ["label"] = "Enseignement supérieur" },
        ["paymentTerms"] = new JsonArray(new JsonObject { ["label"] = "100 % à la signature", ["percent"] = 100, ["trigger"] = "AtSignature" }),
        ["convention"] = new JsonObject
        {
            ["hasConvention"] = true,
            ["paymentWindowMonths"] = 2,
            ["reportDueDate"] = null,
            ["endDate"] = Day(new DateOnly(receivedOn.Year + 1, 3, 31)),
        },
        ["caseOfficerEmail"] = "agent.instructeur@grandbesancon.example.fr",
        ["programmeId"] = null,
        ["republicanCommitment"] = new JsonObject { ["signedOn"] = Day(receivedOn), ["signatory"] = "Pascal Vairac" },
    };

    /// <summary>A bureau of 5 in office, 4 present, one absent giving a proxy: 5 voters.</summary>
    public static JsonObject Vote(DateOnly sessionDate, decimal amount = Amount, int @for = 5, int against = 0, int abstention = 0) => new()
    {
        ["reportNumber"] = $"{Day(sessionDate)}-12",
        ["rapporteur"] = "Anne VIGNOT",
        ["assembly"] = "Bureau",
        ["sessionDate"] = Day(sessionDate),
        ["attendance"] = new JsonObject
        {
            ["membersInOffice"] = 5,
            ["present"] = new JsonArray("Mme Anne VIGNOT", "M. Yves GUYEN", "M. Gilles ORY", "M. Frank LAIDIE"),
            ["absent"] = new JsonArray("M. Denis JACQUIN"),
            ["proxies"] = new JsonArray(new JsonObject { ["giver"] = "M. Denis JACQUIN", ["holder"] = "M. Frank LAIDIE" }),
            ["interested"] = new JsonArray(),
        },
        ["tally"] = new JsonObject { ["for"] = @for, ["against"] = against, ["abstention"] = abstention },
        ["secretBallot"] = false,
        ["presidentVotesFor"] = null,
        ["amountVoted"] = amount,
    };

    public static JsonObject Transmission(DateOnly sentOn) => new() { ["sentOn"] = Day(sentOn), ["platform"] = "S²LOW" };

    public static JsonObject Acknowledgment(DateOnly sessionDate, DateOnly receivedOn) => new()
    {
        ["actesId"] = $"025-242500361-{sessionDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-B{sessionDate.DayNumber % 100_000}-DE",
        ["receivedOn"] = Day(receivedOn),
    };

    public static JsonObject Signature(DateOnly signedOn) => new()
    {
        ["authoritySignedOn"] = Day(signedOn),
        ["authoritySignatory"] = "Anne VIGNOT",
        ["beneficiarySignedOn"] = Day(signedOn),
        ["beneficiarySignatory"] = "Pascal VAIRAC",
    };

    public static JsonObject Notification(DateOnly notifiedOn) => new() { ["notifiedOn"] = Day(notifiedOn) };

    public static JsonObject PaymentRequest(DateOnly receivedOn, decimal amount = Amount) => new() { ["receivedOn"] = Day(receivedOn), ["amount"] = amount };

    public static JsonObject Payment(DateOnly paidOn, decimal amount, string reference) => new() { ["paidOn"] = Day(paidOn), ["amount"] = amount, ["reference"] = reference };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Expense(string label, decimal amount) => new() { ["label"] = label, ["amount"] = amount };

    private static JsonObject Revenue(string funder, decimal amount, bool fromThisAuthority) =>
        new() { ["funder"] = funder, ["amount"] = amount, ["fromThisAuthority"] = fromThisAuthority };
}
