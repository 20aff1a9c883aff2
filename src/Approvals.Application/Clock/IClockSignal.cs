namespace Approvals.Application;

/// <summary>
/// Tells a dossier's clock that the dossier changed (carried out from the outbox, so retried until done). The
/// Durable Task implementations live with the clock; the server's is switched off by <c>Clock:Enabled=false</c>.
/// </summary>
public interface IClockSignal
{
    Task DossierChangedAsync(string dossierId, CancellationToken cancellationToken);
}
