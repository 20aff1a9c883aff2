using Approvals.Application;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>Checks the <c>Outbox</c> section when the host starts.</summary>
public sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    /// <summary>Above a mail's slowest retries (15–22 s): a shorter lease would let the sweep send what is being sent.</summary>
    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, OutboxOptions options) => ValidatedOptions.From(Failures(options));

    private static IEnumerable<string> Failures(OutboxOptions o)
    {
        if (o.Lease < ShortestLease)
        {
            yield return $"Outbox:Lease must be at least 00:00:30, above a mail's slowest retries (found {o.Lease}).";
        }

        if (o.SignalCapacity < 1)
        {
            yield return $"Outbox:SignalCapacity must be at least 1 (found {o.SignalCapacity}).";
        }
    }
}
