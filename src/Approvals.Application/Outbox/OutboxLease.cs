namespace Approvals.Application;

/// <summary>
/// The right to carry out a dossier's outbox until <paramref name="Until"/>: its row in the pending-outbox index, as
/// last written (<paramref name="ETag"/>). Whoever changes the row (a newer command, the sweep taking it over) makes
/// this lease unusable, so two dispatchers never work on the same items at the same time.
/// </summary>
public sealed record OutboxLease(string DossierId, string ETag, DateTimeOffset Until);
