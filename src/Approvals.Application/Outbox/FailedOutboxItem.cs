namespace Approvals.Application;

/// <summary>An outbox item whose work was refused for good (a mail the provider rejected), kept for a person to retry.</summary>
public sealed record FailedOutboxItem(string DossierId, OutboxItem Item, string Reason, DateTimeOffset FailedAt);
