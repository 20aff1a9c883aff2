using System.Text.Json.Nodes;

namespace Approvals.Testing;

/// <summary>The portal's request form as a beneficiary fills it in, for the server's and the browser's tests.</summary>
public static class PortalRequestForm
{
    /// <summary>A valid request: the seed's association and budget (15 790 €, 9 000 € asked of us).</summary>
    public static JsonObject Valid(string name = "CMQ MSI") => new()
    {
        ["name"] = name,
        ["siret"] = "00000001800010",
        ["rna"] = "W000000018",
        ["kind"] = "Association",
        ["representative"] = "Marie Durand",
        ["object"] = "Programme d'actions 2022-2023 du campus des métiers",
        ["actionsStart"] = "2022-09-01",
        ["actionsEnd"] = "2023-06-30",
        ["expenses"] = new JsonArray(
            Expense("Achats", 2472m), Expense("Services extérieurs", 618m), Expense("Autres services extérieurs", 6900m),
            Expense("Impôts et taxes", 1500m), Expense("Charges de personnel", 4300m)),
        ["revenues"] = new JsonArray(Revenue("Ressources propres", 5790m, false), Revenue("Grand Besançon Métropole", 9000m, true), Revenue("Région", 1000m, false)),
        ["amountRequested"] = 9000m,
        ["republicanCommitment"] = true,
        ["swornStatement"] = true,
    };

    private static JsonObject Expense(string label, decimal amount) => new() { ["label"] = label, ["amount"] = amount };

    private static JsonObject Revenue(string funder, decimal amount, bool ours) => new() { ["funder"] = funder, ["amount"] = amount, ["fromThisAuthority"] = ours };
}
