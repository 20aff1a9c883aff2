namespace Approvals.Domain;

/// <summary>
/// The final report a beneficiary files: the financial report, the activity report, and the legal representative's
/// certification that it is accurate (the form's "je soussigné(e) … certifie exactes les informations").
/// </summary>
public sealed record FinalReport(FinancialReport Financial, ActivityReport Activity, string Signatory, bool Certified);
