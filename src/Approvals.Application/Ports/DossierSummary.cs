namespace Approvals.Application;

/// <summary>
/// What dossier lists show and filter on. Stored as columns of the dossier's state row, in the same transaction as
/// the snapshot, so a list never disagrees with the dossier. <paramref name="AuthorityId"/>: null for the first authority.
/// </summary>
public sealed record DossierSummary(
    string DossierId,
    string Number,
    string Stage,
    int Year,
    string BudgetLineCode,
    string BeneficiaryName,
    string BeneficiarySiret,
    string Title,
    decimal AmountRequested,
    decimal AmountVoted,
    decimal AmountPaid,
    DateTimeOffset UpdatedAt,
    decimal AmountCommitted = 0,
    decimal AmountRecovered = 0,
    DateOnly? ReportOverdueOn = null,
    string? ProgrammeId = null,
    string? AuthorityId = null);
