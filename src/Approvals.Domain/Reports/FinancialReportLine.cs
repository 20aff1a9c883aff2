namespace Approvals.Domain;

/// <summary>
/// One row of the financial report: an account of <see cref="ReportAccounts"/>, what the provisional budget planned
/// and what was realised, and a detail (the funder, for an operating grant).
/// </summary>
public sealed record FinancialReportLine(string Account, decimal Planned, decimal Realised, string? Detail = null);
