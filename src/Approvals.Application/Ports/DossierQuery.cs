namespace Approvals.Application;

/// <summary>
/// A dossier list request. <paramref name="Beneficiary"/> matches part of the name or the SIRET and
/// <paramref name="Text"/> part of the number, title or beneficiary, both ignoring case and accents.
/// <paramref name="ProgrammeId"/> selects the annual tranches of a multi-year programme, <paramref name="ReportOverdue"/>
/// the dossiers whose final report is overdue. Only the dossiers of <paramref name="AuthorityId"/> are found (null: the
/// first authority's).
/// </summary>
public sealed record DossierQuery(
    string? Stage = null,
    int? Year = null,
    string? BudgetLineCode = null,
    string? Beneficiary = null,
    string? Text = null,
    int Skip = 0,
    int Take = 50,
    string? ProgrammeId = null,
    bool ReportOverdue = false,
    string? AuthorityId = null);
