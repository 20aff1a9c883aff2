namespace Approvals.Application;

/// <summary>A deadline of the board, with the dossier's number and beneficiary and whether its instant has passed.</summary>
public sealed record UpcomingDeadline(
    string DossierId, string Number, string BeneficiaryName, string DeadlineId, string Kind, string Label, DateOnly Day, DateTimeOffset DueAt, bool Overdue);
