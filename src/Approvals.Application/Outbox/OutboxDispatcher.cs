using Approvals.Domain;
using Microsoft.Extensions.Logging;

namespace Approvals.Application;

/// <summary>
/// Carries out outbox items — e-mails, deadline index changes, retention tags — then deletes them. At least once:
/// an item is deleted only after its work is done, and every piece of work is harmless to repeat (the mailer's key,
/// upserts, idempotent removals and tags). A mail the provider refuses for good is kept, marked failed, for a person
/// to look at and retry; transient faults leave the item for the next sweep.
/// </summary>
public sealed class OutboxDispatcher(IDossierStore store, IDeadlineIndex index, IDocumentStore documents, IMailer mailer, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Carries out the items; returns how many were done.</summary>
    public async Task<int> DispatchAsync(string dossierId, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var item in items)
        {
            using var span = ApprovalsTelemetry.Source.StartActivity($"outbox {item.Kind}")?.SetTag("approvals.dossier", dossierId);
            try
            {
                await CarryOutAsync(dossierId, item, cancellationToken);
                await store.DeleteOutboxAsync(dossierId, item.Id, cancellationToken);
                done++;
            }
            catch (MailRejectedException rejected)
            {
                logger.LogWarning("Mail {ItemId} of dossier {DossierId} refused by the provider: {Status}", item.Id, dossierId, rejected.StatusCode);
                await store.MarkOutboxFailedAsync(dossierId, item.Id, $"HTTP {rejected.StatusCode} : {rejected.Detail}", cancellationToken);
            }
            catch (Exception fault) when (fault is not OperationCanceledException)
            {
                logger.LogWarning(fault, "Outbox item {ItemId} of dossier {DossierId} left for the next sweep", item.Id, dossierId);
            }
        }

        return done;
    }

    /// <summary>Finishes what a crash or a fault left undone; returns how many items were done.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var pending = await store.FindPendingOutboxAsync(500, cancellationToken);
        ApprovalsTelemetry.OutboxSwept(pending.Count);
        var done = 0;
        foreach (var dossier in pending.GroupBy(p => p.DossierId))
        {
            done += await DispatchAsync(dossier.Key, dossier.Select(p => p.Item).ToList(), cancellationToken);
        }

        return done;
    }

    /// <summary>Puts a failed item back in the queue and tries it at once.</summary>
    public async Task<bool> RetryAsync(string dossierId, string itemId, CancellationToken cancellationToken)
    {
        var item = await store.ResetOutboxFailureAsync(dossierId, itemId, cancellationToken);
        return item is not null && await DispatchAsync(dossierId, [item], cancellationToken) == 1;
    }

    private async Task CarryOutAsync(string dossierId, OutboxItem item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case OutboxKinds.Mail:
                await mailer.SendAsync(DomainJson.Deserialize<OutgoingMail>(item.Json), cancellationToken);
                break;
            case OutboxKinds.Deadlines:
                var change = DomainJson.Deserialize<DeadlineChange>(item.Json);
                await index.RemoveAsync(change.Remove, cancellationToken);
                await index.UpsertAsync(change.Upsert, cancellationToken);
                break;
            case OutboxKinds.Retention:
                await documents.SetRetentionAsync(dossierId, DomainJson.Deserialize<RetentionChange>(item.Json).RetainUntil, cancellationToken);
                break;
            case OutboxKinds.Index:
                await store.RefreshIndexAsync(dossierId, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox item kind {item.Kind}.");
        }
    }
}
