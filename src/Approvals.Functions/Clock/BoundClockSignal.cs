using Approvals.Application;
using Approvals.Clock;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

/// <summary>
/// The clock signal of the Function App. Durable Functions hands its client to triggers through the
/// <c>[DurableClient]</c> binding only, so the HTTP triggers and the outbox sweep bind the one they receive (the
/// extension caches it per task hub) before any outbox work. Until a trigger has bound one, signalling throws and the
/// outbox item stays for the sweep, which binds it first.
/// </summary>
public sealed class BoundClockSignal : IClockSignal
{
    private volatile DurableTaskClient? client;

    public void Bind(DurableTaskClient bound) => client = bound;

    public Task DossierChangedAsync(string dossierId, CancellationToken cancellationToken) =>
        DossierClockSignal.DossierChangedAsync(
            client ?? throw new InvalidOperationException("No Durable Task client bound yet: the outbox sweep signals the clock."), dossierId, cancellationToken);
}
