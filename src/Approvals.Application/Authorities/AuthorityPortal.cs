namespace Approvals.Application;

/// <summary>
/// An authority's side of the beneficiaries' portal: the service its acknowledgments name (CRPA art. R112-11-1, 2°), the
/// case officer recorded with its portal requests, and the budget line they are charged to until instruction. The first
/// authority's are the <c>Portal</c> settings; another authority is offered on the portal only once it has these.
/// </summary>
public sealed record AuthorityPortal(PortalService Service, string CaseOfficerEmail, string BudgetLineCode, string BudgetLineLabel);
