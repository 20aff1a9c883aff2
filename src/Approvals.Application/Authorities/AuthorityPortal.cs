using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// An authority's side of the beneficiaries' portal: the service its acknowledgments name (CRPA art. R112-11-1, 2°), the
/// case officer recorded with its portal requests, and the budget line they are charged to until instruction. The first
/// authority's are the <c>Portal</c> settings; another authority is offered on the portal only once it has these.
/// </summary>
public sealed record AuthorityPortal(PortalService Service, string CaseOfficerEmail, string BudgetLineCode, string BudgetLineLabel)
{
    /// <summary>
    /// Whether the acknowledgment can give every mention R112-11-1, 2° requires and the request can be recorded (the
    /// checks the <c>Portal</c> section passes at start): settings stored with a blank or unusable value are not offered.
    /// </summary>
    public bool IsComplete =>
        Service is { } service
        && new[] { service.Name, service.PostalAddress, service.Phone, service.Court, BudgetLineLabel }.All(value => !string.IsNullOrWhiteSpace(value))
        && EmailAddresses.IsSendable(service.Email)
        && EmailAddresses.IsSendable(CaseOfficerEmail)
        && BudgetLineCode is not null && BudgetLineCodes.Pattern().IsMatch(BudgetLineCode);
}
