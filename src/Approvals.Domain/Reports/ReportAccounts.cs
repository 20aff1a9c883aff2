namespace Approvals.Domain;

/// <summary>
/// The rows of the financial report's summary table (compte rendu financier de l'action subventionnée, CERFA n°15059,
/// arrêté du 11 octobre 2006 fixing its form under art. 10 of law n°2000-321): the chart of accounts' classes for the
/// charges (60 to 68, the indirect charges allocated to the action, 86 for the use of voluntary contributions in
/// kind) and the products (70 to 78, 87 for the voluntary contributions in kind).
/// </summary>
public static class ReportAccounts
{
    /// <summary>Charges indirectes affectées à l'action: the form asks how they were allocated.</summary>
    public const string IndirectCharges = "CI";

    public const string InKindUses = "86";

    public const string InKindResources = "87";

    /// <summary>Subventions d'exploitation: one line per funder, which the line must name.</summary>
    public const string OperatingGrants = "74";

    public static IReadOnlyDictionary<string, string> Charges { get; } = new Dictionary<string, string>
    {
        ["60"] = "60 – Achats",
        ["61"] = "61 – Services extérieurs",
        ["62"] = "62 – Autres services extérieurs",
        ["63"] = "63 – Impôts et taxes",
        ["64"] = "64 – Charges de personnel",
        ["65"] = "65 – Autres charges de gestion courante",
        ["66"] = "66 – Charges financières",
        ["67"] = "67 – Charges exceptionnelles",
        ["68"] = "68 – Dotation aux amortissements",
        [IndirectCharges] = "Charges indirectes affectées à l'action",
        [InKindUses] = "86 – Emplois des contributions volontaires en nature",
    };

    public static IReadOnlyDictionary<string, string> Products { get; } = new Dictionary<string, string>
    {
        ["70"] = "70 – Vente de produits finis, prestations de services",
        ["73"] = "73 – Dotations et produits de tarification",
        [OperatingGrants] = "74 – Subventions d'exploitation",
        ["75"] = "75 – Autres produits de gestion courante (dont cotisations, dons, fonds propres)",
        ["76"] = "76 – Produits financiers",
        ["77"] = "77 – Produits exceptionnels",
        ["78"] = "78 – Reprises sur amortissements et provisions",
        [InKindResources] = "87 – Contributions volontaires en nature",
    };
}
