using Approvals.Application;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>Checks the <c>Outbox</c> section when the host starts.</summary>
public sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    /// <summary>
    /// The lease should outlast a mail's slowest retries, or the sweep may send what is being sent (a duplicate the
    /// mail's key makes recognisable, never a loss): 15–22 s with the default <c>Mail:BaseDelay</c>, well under the
    /// default 2 min. Only a lease of nothing is refused, since a shorter <c>Mail:BaseDelay</c> makes a shorter lease right.
    /// </summary>
    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, OutboxOptions options) => ValidatedOptions.From(Failures(options));

    private static IEnumerable<string> Failures(OutboxOptions o)
    {
        if (o.Lease < ShortestLease)
        {
            yield return $"Outbox:Lease must be at least 00:00:01 (found {o.Lease}).";
        }

        if (o.SignalCapacity < 1)
        {
            yield return $"Outbox:SignalCapacity must be at least 1 (found {o.SignalCapacity}).";
        }
    }
}
