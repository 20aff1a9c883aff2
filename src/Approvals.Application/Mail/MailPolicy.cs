using Approvals.Domain;

namespace Approvals.Application;

using static DossierEvent;

/// <summary>
/// Which e-mails an event calls for, and to whom. Mails are written when the command commits (into the outbox), so
/// that they describe the dossier as it was then; their keys (<c>dossier:sequence:template</c>) make resending harmless.
/// </summary>
public sealed class MailPolicy(MailRecipients recipients, IDocumentStore documents, ProcessOptions options)
{
    public async Task<IReadOnlyList<OutgoingMail>> ComposeAsync(
        string dossierId, Dossier after, IReadOnlyList<(long Sequence, DossierEvent Event)> events, CancellationToken cancellationToken)
    {
        var approves = events.Any(e => e.Event is ConventionSigned || (e.Event is ReceiptAcknowledged && !after.Request!.Convention.HasConvention));
        var links = approves ? await LinksAsync(after, cancellationToken) : [];
        return [.. Compose(dossierId, after, events, links)];
    }

    private IEnumerable<OutgoingMail> Compose(string dossierId, Dossier after, IReadOnlyList<(long Sequence, DossierEvent Event)> events, IReadOnlyList<DocumentLink> links)
    {
        foreach (var (sequence, @event) in events)
        {
            string Key(string template) => $"{dossierId}:{sequence}:{template}";
            var mail = @event switch
            {
                ConventionSigned => DossierMails.Approval(after, recipients, links, Key("approval"), options.MailLinkLifetime),
                ReceiptAcknowledged when !after.Request!.Convention.HasConvention => DossierMails.Approval(after, recipients, links, Key("approval"), options.MailLinkLifetime),
                PaymentRequested e => DossierMails.PaymentRequestReceived(after, recipients, e, Key("payment-request")),
                Notified => DossierMails.Notification(after, Key("notification")),
                ReminderDue e => DossierMails.Reminder(after, e, Key("reminder")),
                Lapsed => DossierMails.Lapsed(after, recipients, Key("lapsed")),
                ReportOverdue e => DossierMails.ReportOverdue(after, recipients, e, Key("report-overdue")),
                RecoveryOrdered => DossierMails.RecoveryOrdered(after, recipients, Key("recovery")),
                _ => null,
            };
            if (mail is not null)
            {
                yield return mail;
            }
        }
    }

    /// <summary>Links to the latest deliberation and signed convention, valid long enough to be read from a mailbox.</summary>
    private async Task<IReadOnlyList<DocumentLink>> LinksAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var links = new List<DocumentLink>();
        foreach (var (kind, label) in new[] { (DocumentKind.Deliberation, "Délibération"), (DocumentKind.SignedConvention, "Convention signée") })
        {
            if (dossier.Documents.LastOrDefault(d => d.Kind == kind) is { } document)
            {
                links.Add(new DocumentLink($"{label} — {document.FileName}", await documents.GetReadLinkAsync(document.BlobName, options.MailLinkLifetime, cancellationToken)));
            }
        }

        return links;
    }
}
