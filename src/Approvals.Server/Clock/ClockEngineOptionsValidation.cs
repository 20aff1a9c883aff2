using Approvals.Api;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Approvals.Server;

/// <summary>
/// Checks the <c>Clock</c> section when the host starts. The task hub names the engine's queues, tables and lease
/// container, so it follows the strictest of their naming rules (queues: lower-cased, 3 to 63 characters; Durable
/// Task's own limit: 3 to 45 letters and digits, starting with a letter).
/// </summary>
public sealed partial class ClockEngineOptionsValidation : IValidateOptions<ClockEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, ClockEngineOptions options) => ValidatedOptions.From(Failures(options));

    private static IEnumerable<string> Failures(ClockEngineOptions o)
    {
        if (o.TaskHub is null || !TaskHubName().IsMatch(o.TaskHub))
        {
            yield return $"Clock:TaskHub '{o.TaskHub}' is not a task hub name: 3 to 45 letters and digits, starting with a letter.";
        }

        if (string.IsNullOrWhiteSpace(o.WorkerId))
        {
            yield return "Clock:WorkerId is empty: give a stable name, so that a restarted worker takes its leases back at once.";
        }

        if (o.PartitionCount is < 1 or > 16)
        {
            yield return $"Clock:PartitionCount must be between 1 and 16 (found {o.PartitionCount}).";
        }

        if (o.Attempts < 1)
        {
            yield return $"Clock:Attempts must be at least 1 (found {o.Attempts}).";
        }

        var durations = new[]
        {
            ("MaxQueuePollingInterval", o.MaxQueuePollingInterval), ("ReconcileInterval", o.ReconcileInterval), ("PurgeCompletedAfter", o.PurgeCompletedAfter),
            ("MaxWait", o.MaxWait), ("FirstRetry", o.FirstRetry), ("AfterFailure", o.AfterFailure),
        };
        foreach (var (setting, value) in durations)
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"Clock:{setting} must be positive (found {value}).";
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
