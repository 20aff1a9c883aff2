using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// Decides, from a command's events and the states around them, the work that must follow the commit: e-mails,
/// deadline index changes, the retention date of documents, the budget line's ledger. Written in the same transaction as the events.
/// </summary>
public sealed class OutboxPlanner(MailPolicy mails)
{
    /// <param name="authorityId">The dossier's authority (null: the first one), whose staff its mails go to.</param>
    public async Task<IReadOnlyList<OutboxItem>> PlanAsync(
        string dossierId, Dossier before, Dossier after, IReadOnlyList<(long Sequence, DossierEvent Event)> events, Actor actor, string? authorityId, CancellationToken cancellationToken)
    {
        var first = events[0].Sequence;
        var items = new List<(string Kind, string Json)>();
        items.AddRange((await mails.ComposeAsync(dossierId, after, events, actor, authorityId, cancellationToken)).Select(m => (OutboxKinds.Mail, DomainJson.Serialize(m))));
        if (DeadlineDiff(dossierId, before, after, authorityId) is { } change)
        {
            items.Add((OutboxKinds.Deadlines, DomainJson.Serialize(change)));
        }

        if (LedgerChange.Between(before, after, authorityId) is { } ledger)
        {
            items.Add((OutboxKinds.Ledger, DomainJson.Serialize(ledger)));
        }

        if (after.IsEnded && (!before.IsEnded || events.Any(e => e.Event is DossierEvent.DocumentAttached)))
        {
            items.Add((OutboxKinds.Retention, DomainJson.Serialize(new RetentionChange(after.EndedOn!.Value.AddYears(10)))));
        }

        // Every change may move what the clock waits for; the signal leaves with the command, so it is retried until done.
        items.Add((OutboxKinds.Clock, "{}"));
        return items.Select((item, i) => new OutboxItem($"{first:D6}-{i + 1:D2}", item.Kind, item.Json)).ToList();
    }

    /// <param name="authorityId">The dossier's authority (null: the first one), whose index partitions the entries go to.</param>
    public static DeadlineChange? DeadlineDiff(string dossierId, Dossier before, Dossier after, string? authorityId)
    {
        var old = Workflow.Deadlines(before).Select(d => Index(dossierId, d, authorityId)).ToList();
        var now = Workflow.Deadlines(after).Select(d => Index(dossierId, d, authorityId)).ToList();
        var remove = old.Except(now).ToList();
        var upsert = now.Except(old).ToList();
        return remove.Count == 0 && upsert.Count == 0 ? null : new DeadlineChange(remove, upsert, ByAuthority: true);
    }

    public static IndexedDeadline Index(string dossierId, Deadline deadline, string? authorityId) =>
        new(dossierId, deadline.Id, deadline.Kind.ToString(), FrenchCalendar.ParisDate(deadline.DueAt), deadline.DueAt, authorityId);
}
