using System.Globalization;
using Approvals.Application;

namespace Approvals.Storage;

/// <summary>The part of a dossier query Table Storage cannot do: "contains", ignoring case and accents.</summary>
internal static class DossierSearch
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static bool Matches(DossierSummary summary, DossierQuery query) =>
        (string.IsNullOrWhiteSpace(query.Beneficiary)
            || Contains(summary.BeneficiaryName, query.Beneficiary) || Contains(summary.BeneficiarySiret, query.Beneficiary))
        && (string.IsNullOrWhiteSpace(query.Text)
            || Contains(summary.Number, query.Text) || Contains(summary.Title, query.Text) || Contains(summary.BeneficiaryName, query.Text));

    private static bool Contains(string value, string part) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(value, part.Trim(), Loose) >= 0;
}
