namespace Approvals.Domain;

/// <summary>
/// The compte rendu financier (CERFA n°15059): the summary table of charges and products, planned and realised, and
/// the explanatory notes the form asks for: the rule allocating indirect charges to the action, the explanation of
/// significant gaps between plan and realisation, and free observations.
/// </summary>
public sealed record FinancialReport(
    IReadOnlyList<FinancialReportLine> Charges,
    IReadOnlyList<FinancialReportLine> Products,
    string? IndirectChargesRule = null,
    string? GapsExplanation = null,
    string? Observations = null)
{
    /// <summary>The realised charges, contributions in kind excluded: the real costs the grant's rate applies to.</summary>
    public decimal RealisedCosts => Charges.Where(l => l is not null && l.Account != ReportAccounts.InKindUses).Sum(l => l.Realised);
}
