using Approvals.Application;
using Cronos;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>Checks the <c>Reminders</c> section when the host starts, instead of when the first reminder or digest is due.</summary>
public sealed class ProcessOptionsValidation : IValidateOptions<ProcessOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessOptions options) => ValidatedOptions.From(Failures(options));

    private static IEnumerable<string> Failures(ProcessOptions o)
    {
        foreach (var (days, index) in (o.OffsetsDays ?? []).Select((days, index) => (days, index)))
        {
            if (days is < 1 or > 365)
            {
                yield return $"Reminders:OffsetsDays:{index} must be a number of days between 1 and 365 (found {days}).";
            }
        }

        // Read by the server with Cronos (five fields, Paris time) and by the Function App's timer trigger.
        if (!CronExpression.TryParse(o.DigestCron, CronFormat.Standard, out _))
        {
            yield return $"Reminders:DigestCron '{o.DigestCron}' is not a five-field cron expression (minute hour day month weekday, e.g. 0 7 * * 1-5).";
        }

        if (o.DigestDays is < 1 or > 366)
        {
            yield return $"Reminders:DigestDays must be between 1 and 366 (found {o.DigestDays}).";
        }

        // The links are user delegation SAS under a managed identity, which live at most seven days.
        if (o.MailLinkLifetime <= TimeSpan.Zero || o.MailLinkLifetime > TimeSpan.FromDays(7))
        {
            yield return $"Reminders:MailLinkLifetime must be positive and at most 7 days (found {o.MailLinkLifetime}).";
        }
    }
}
