using Approvals.Domain;
using Microsoft.Extensions.Logging;

namespace Approvals.Application;

/// <summary>
/// Carries out outbox items — e-mails, deadline index changes, retention tags, clock signals — then deletes them. At least once:
/// an item is deleted only after its work is done, and every piece of work is harmless to repeat (the mailer's key,
/// upserts, idempotent removals and tags). A mail the provider refuses for good is kept, marked failed, for a person
/// to look at and retry; transient faults leave the item for the next sweep.
/// <para>
/// Once when nothing crashes: whoever carries out a dossier's items holds its lease in the pending-outbox index (the
/// committing process from before its commit, the sweep only once that lease has ended, each taking the row with its
/// ETag), so the immediate dispatch and the sweep never send the same item side by side.
/// </para>
/// </summary>
public sealed class OutboxDispatcher(
    IDossierStore store,
    IDeadlineIndex index,
    IDocumentStore documents,
    IMailer mailer,
    AuthorityMail authorityMail,
    IClockSignal clock,
    BudgetLedger ledger,
    OutboxOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// Carries out a commit's signalled work (every item of the commit: those to do, and those its committer did
    /// already, whose rows are deleted with the others in one batch); returns how many were carried out here.
    /// </summary>
    public Task<int> DispatchAsync(OutboxSignal.PendingWork work, CancellationToken cancellationToken) =>
        DispatchAsync(work.Lease, work.Items, work.Done, cancellationToken);

    private async Task<int> DispatchAsync(OutboxLease lease, IReadOnlyList<OutboxItem> items, IReadOnlyList<string> doneAlready, CancellationToken cancellationToken)
    {
        var dossierId = lease.DossierId;
        var done = new List<string>(items.Count + doneAlready.Count);
        var leftForTheSweep = false;
        OutboxLease? held = lease;
        foreach (var item in items)
        {
            using var span = ApprovalsTelemetry.Source.StartActivity($"outbox {item.Kind}")?.SetTag("approvals.dossier", dossierId);
            held = await KeepAsync(held, cancellationToken);
            if (held is null)
            {
                // Another dispatcher holds the dossier now (the sweep after this lease ended): the rest is its work.
                logger.LogInformation("Outbox lease of {DossierId} lost; its remaining items are left to the sweep", dossierId);
                break;
            }

            try
            {
                await CarryOutAsync(dossierId, item, cancellationToken);
                done.Add(item.Id);
            }
            catch (MailRejectedException rejected)
            {
                // Retrying the same message cannot cure it (a 4xx, an address no mailer takes): listed at once, not retried.
                logger.LogWarning("Mail {ItemId} of dossier {DossierId} cannot be sent: {Reason}", item.Id, dossierId, rejected.Reason);
                await store.MarkOutboxFailedAsync(dossierId, item.Id, rejected.Reason, cancellationToken);
            }
            catch (Exception fault) when (fault is not OperationCanceledException)
            {
                logger.LogWarning(fault, "Outbox item {ItemId} of dossier {DossierId} left for the next sweep", item.Id, dossierId);
                leftForTheSweep = true;
            }
        }

        var carriedOut = done.Count;
        done.AddRange(doneAlready);
        await store.DeleteOutboxAsync(dossierId, done, cancellationToken);
        if (held is not null)
        {
            await SettleAsync(held, leftForTheSweep, cancellationToken);
        }

        return carriedOut;
    }

    /// <summary>
    /// Finishes what a crash, a fault or a full signal left undone: reads the pending-outbox index only, and takes the
    /// dossiers whose lease has ended. Returns how many items were done.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leases = await store.ClaimDueOutboxAsync(now, now + options.Lease, 100, cancellationToken);
        ApprovalsTelemetry.OutboxSwept(leases.Count);
        var done = 0;
        foreach (var lease in leases)
        {
            done += await DispatchAsync(lease, await store.ReadOutboxAsync(lease.DossierId, cancellationToken), [], cancellationToken);
        }

        return done;
    }

    /// <summary>Puts a failed item back in the queue and tries it at once.</summary>
    public async Task<bool> RetryAsync(string dossierId, string itemId, CancellationToken cancellationToken)
    {
        var lease = await store.LeaseOutboxAsync(dossierId, time.GetUtcNow() + options.Lease, cancellationToken);
        var item = await store.ResetOutboxFailureAsync(dossierId, itemId, cancellationToken);
        return item is not null && await DispatchAsync(lease, [item], [], cancellationToken) == 1;
    }

    /// <summary>The lease, renewed when half of it is spent (a slow mail must not let it run out); null once lost.</summary>
    private async Task<OutboxLease?> KeepAsync(OutboxLease lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return lease.Until - now > options.Lease / 2 ? lease : await store.RenewOutboxLeaseAsync(lease, now + options.Lease, cancellationToken);
    }

    /// <summary>
    /// Leaves the index row due at once when an item waits for a retry, and removes it when nothing is left to do.
    /// Items of an older command still being carried out elsewhere keep the row (the sweep settles it later); a newer
    /// command has rewritten the row, so the ETag keeps its items indexed. A fresh lease (the row was new: no older item
    /// was pending) covers only its own items, so once they are done the row goes without reading the outbox.
    /// </summary>
    private async Task SettleAsync(OutboxLease lease, bool leftForTheSweep, CancellationToken cancellationToken)
    {
        if (leftForTheSweep)
        {
            await store.RenewOutboxLeaseAsync(lease, time.GetUtcNow(), cancellationToken);
        }
        else if (lease.Fresh || (await store.ReadOutboxAsync(lease.DossierId, cancellationToken)).Count == 0)
        {
            await store.ReleaseOutboxLeaseAsync(lease, cancellationToken);
        }
    }

    private async Task CarryOutAsync(string dossierId, OutboxItem item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case OutboxKinds.Mail:
                await mailer.SendAsync(await authorityMail.AddressAsync(DomainJson.Deserialize<OutgoingMail>(item.Json), cancellationToken), cancellationToken);
                break;
            case OutboxKinds.Deadlines:
                var change = await WithAuthorityAsync(dossierId, DomainJson.Deserialize<DeadlineChange>(item.Json), cancellationToken);
                await index.RemoveAsync(change.Remove, cancellationToken);
                await index.UpsertAsync(change.Upsert, cancellationToken);
                break;
            case OutboxKinds.Retention:
                await documents.SetRetentionAsync(dossierId, DomainJson.Deserialize<RetentionChange>(item.Json).RetainUntil, cancellationToken);
                break;
            case OutboxKinds.Clock:
                await clock.DossierChangedAsync(dossierId, cancellationToken);
                break;
            case OutboxKinds.Ledger:
                await ledger.ApplyAsync(dossierId, DomainJson.Deserialize<LedgerChange>(item.Json), cancellationToken);
                break;
            case OutboxKinds.Index:
                await store.RefreshIndexAsync(dossierId, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox item kind {item.Kind}.");
        }
    }

    /// <summary>
    /// A change planned before the index was partitioned per authority carries no authority, and would file another
    /// authority's entries under the first one's bare days, behind <c>StorageUpgrade</c>'s back: its entries are
    /// given the dossier's authority (its snapshot says which; a rare read, old items only). A row it removes may
    /// still be under the bare day (not moved yet) or already moved: both are removed.
    /// </summary>
    private async Task<DeadlineChange> WithAuthorityAsync(string dossierId, DeadlineChange change, CancellationToken cancellationToken)
    {
        if (change.ByAuthority || await store.LoadAsync(dossierId, cancellationToken) is not { } stored
            || DomainJson.Deserialize<Snapshot>(stored.SnapshotJson).AuthorityId is not { } authorityId)
        {
            return change;
        }

        return new DeadlineChange(
            [.. change.Remove, .. change.Remove.Select(entry => entry with { AuthorityId = authorityId })],
            [.. change.Upsert.Select(entry => entry with { AuthorityId = authorityId })],
            ByAuthority: true);
    }
}
