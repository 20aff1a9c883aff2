namespace Approvals.Application;

/// <summary>An outbox item found by the recovery sweep, with the dossier it belongs to.</summary>
public sealed record PendingOutbox(string DossierId, OutboxItem Item);
