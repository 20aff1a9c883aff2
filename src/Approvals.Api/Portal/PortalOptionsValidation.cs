using Approvals.Domain;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>Checks the <c>Portal</c> section when the host starts, instead of at the first sign-in link or portal request.</summary>
public sealed class PortalOptionsValidation : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options) => ValidatedOptions.From(Failures(options));

    private static IEnumerable<string> Failures(PortalOptions o)
    {
        if (o.PublicBaseUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            yield return $"Portal:PublicBaseUrl must be the site's absolute http(s) address, such as https://subventions.example.fr (found '{url}').";
        }

        if (o.LinksPerAddressPerHour < 1)
        {
            yield return $"Portal:LinksPerAddressPerHour must be at least 1 (found {o.LinksPerAddressPerHour}).";
        }

        if (o.RequestsPerClientPerHour < 1)
        {
            yield return $"Portal:RequestsPerClientPerHour must be at least 1 (found {o.RequestsPerClientPerHour}).";
        }

        if (o.SessionLifetime <= TimeSpan.Zero || o.SessionLifetime > TimeSpan.FromDays(1))
        {
            yield return $"Portal:SessionLifetime must be positive and at most one day (found {o.SessionLifetime}).";
        }

        if (o.BudgetLineCode is null || !BudgetLineCodes.Pattern().IsMatch(o.BudgetLineCode))
        {
            yield return $"Portal:BudgetLineCode '{o.BudgetLineCode}' is not a budget line code (chapter-function-article, e.g. 65-23-6574).";
        }

        if (string.IsNullOrWhiteSpace(o.BudgetLineLabel))
        {
            yield return "Portal:BudgetLineLabel is empty.";
        }

        if (!EmailAddresses.IsSendable(o.CaseOfficerEmail))
        {
            yield return $"Portal:CaseOfficerEmail '{o.CaseOfficerEmail}' is not a sendable e-mail address.";
        }

        foreach (var (indicator, index) in (o.ReportIndicators ?? []).Select((indicator, index) => (indicator, index)))
        {
            if (string.IsNullOrWhiteSpace(indicator))
            {
                yield return $"Portal:ReportIndicators:{index} is empty.";
            }
        }

        // The acknowledgment names the service by all of these (CRPA art. R112-11-1, 2°).
        var service = o.Service;
        foreach (var (setting, value) in new[] { ("Name", service.Name), ("PostalAddress", service.PostalAddress), ("Phone", service.Phone), ("Court", service.Court) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"Portal:Service:{setting} is empty: the acknowledgment must give it (CRPA art. R112-11-1).";
            }
        }

        if (!EmailAddresses.IsSendable(service.Email))
        {
            yield return $"Portal:Service:Email '{service.Email}' is not a sendable e-mail address.";
        }
    }
}
