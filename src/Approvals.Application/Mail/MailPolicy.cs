using Approvals.Domain;

namespace Approvals.Application;

using static DossierEvent;

/// <summary>
/// Which e-mails an event calls for, and to whom. Mails are written when the command commits (into the outbox), so
/// that they describe the dossier as it was then; their keys (<c>dossier:sequence:template</c>) make resending harmless.
/// </summary>
public sealed class MailPolicy(MailRecipients recipients, IDocumentStore documents, ProcessOptions options)
{
    public IEnumerable<OutgoingMail> Compose(string dossierId, Dossier after, IReadOnlyList<(long Sequence, DossierEvent Event)> events)
    {
        foreach (var (sequence, @event) in events)
        {
            string Key(string template) => $"{dossierId}:{sequence}:{template}";
            var mail = @event switch
            {
                ConventionSigned => DossierMails.Approval(after, recipients, Links(after), Key("approval"), options.MailLinkLifetime),
                ReceiptAcknowledged when !after.Request!.Convention.HasConvention => DossierMails.Approval(after, recipients, Links(after), Key("approval"), options.MailLinkLifetime),
                PaymentRequested e => DossierMails.PaymentRequestReceived(after, recipients, e, Key("payment-request")),
                Notified => DossierMails.Notification(after, Key("notification")),
                ReminderDue e => DossierMails.Reminder(after, e, Key("reminder")),
                Lapsed => DossierMails.Lapsed(after, recipients, Key("lapsed")),
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
    private List<DocumentLink> Links(Dossier dossier) =>
        [.. new[] { (DocumentKind.Deliberation, "Délibération"), (DocumentKind.SignedConvention, "Convention signée") }
            .Select(k => (k.Item2, Document: dossier.Documents.LastOrDefault(d => d.Kind == k.Item1)))
            .Where(k => k.Document is not null)
            .Select(k => new DocumentLink($"{k.Item1} — {k.Document!.FileName}", documents.GetReadLink(k.Document.BlobName, options.MailLinkLifetime)))];
}
