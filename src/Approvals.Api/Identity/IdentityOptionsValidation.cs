using Approvals.Application;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>Checks the <c>Identity</c> section when the host starts.</summary>
public sealed class IdentityOptionsValidation : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options) => ValidatedOptions.From(Failures(options));

    private static IEnumerable<string> Failures(IdentityOptions o)
    {
        // Anyone the provider signs in without a role would get it: never the role that hands out roles, nor the system's.
        if (o.RoleWithoutClaim is Role.Administrator or Role.System)
        {
            yield return $"Identity:RoleWithoutClaim may not be {o.RoleWithoutClaim}: give a person without a role claim at most Reader, CaseOfficer, Secretariat or Finance.";
        }

        if (o.FirstAdministrator is { } first && string.IsNullOrWhiteSpace(first))
        {
            yield return "Identity:FirstAdministrator is blank: leave it unset, or give the person's e-mail address or subject.";
        }

        if (string.IsNullOrWhiteSpace(o.AccessContact))
        {
            yield return "Identity:AccessContact is empty: the \"no access\" page must say whom to ask.";
        }
    }
}
