using Approvals.Application;
using Microsoft.DurableTask.Client;

namespace Approvals.Clock;

/// <summary>The clock signal of a host that has one <see cref="DurableTaskClient"/> for its life (the server).</summary>
public sealed class DurableClockSignal(DurableTaskClient client) : IClockSignal
{
    public Task DossierChangedAsync(string dossierId, CancellationToken cancellationToken) =>
        DossierClockSignal.DossierChangedAsync(client, dossierId, cancellationToken);
}
