namespace Approvals.Application;

/// <summary>
/// The right to carry out a dossier's outbox until <paramref name="Until"/>: its row in the pending-outbox index, as
/// last written (<paramref name="ETag"/>). Whoever changes the row (a newer command, the sweep taking it over) makes
/// this lease unusable, so two dispatchers never work on the same items at the same time. <paramref name="Fresh"/>: the
/// row did not exist when the lease was taken, so no older item was pending (an item exists only while its dossier's
/// row does) and, while the ETag holds, every item under the lease is the leasing commit's own.
/// </summary>
public sealed record OutboxLease(string DossierId, string ETag, DateTimeOffset Until, bool Fresh = false);
