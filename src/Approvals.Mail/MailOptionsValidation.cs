using Approvals.Domain;
using Microsoft.Extensions.Options;

namespace Approvals.Mail;

/// <summary>
/// Checks the <c>Mail</c> section when the host starts (<c>ValidateOnStart</c>): a wrong setting stops the start with a
/// message naming it, instead of failing at the first e-mail.
/// </summary>
public sealed class MailOptionsValidation : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(MailOptions o)
    {
        if (!EmailAddresses.IsSendable(o.FromAddress))
        {
            yield return $"Mail:FromAddress '{o.FromAddress}' is not a sendable e-mail address.";
        }

        if (string.IsNullOrWhiteSpace(o.FromName))
        {
            yield return "Mail:FromName is empty.";
        }

        if (string.IsNullOrWhiteSpace(o.PickupFolder))
        {
            yield return "Mail:PickupFolder is empty.";
        }

        if (!string.IsNullOrWhiteSpace(o.SendGridHost)
            && (!Uri.TryCreate(o.SendGridHost, UriKind.Absolute, out var host) || host.Scheme is not ("https" or "http")))
        {
            yield return $"Mail:SendGridHost must be an absolute http(s) URI (found '{o.SendGridHost}').";
        }

        if (o.MaxAttempts is < 1 or > 10)
        {
            yield return $"Mail:MaxAttempts must be between 1 and 10 (found {o.MaxAttempts}).";
        }

        if (o.BaseDelay <= TimeSpan.Zero || o.BaseDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"Mail:BaseDelay must be positive and at most one minute (found {o.BaseDelay}).";
        }
    }
}
