using Approvals.Domain;

namespace Approvals.Application;

using static DossierEvent;

/// <summary>
/// Which e-mails an event calls for, and to whom. Mails are written when the command commits (into the outbox), so
/// that they describe the dossier as it was then; their keys (<c>dossier:sequence:template</c>) make resending harmless.
/// </summary>
public sealed class MailPolicy(AuthorityMail authorityMail, IDocumentStore documents, ProcessOptions options, IPortalStore portal, PortalSite site)
{
    /// <param name="actor">Who sent the command: a request submitted through the portal is acknowledged to the address that sent it.</param>
    /// <param name="authorityId">The dossier's authority (null: the first one): its finance staff receive the mails, signed with its name.</param>
    public async Task<IReadOnlyList<OutgoingMail>> ComposeAsync(
        string dossierId, Dossier after, IReadOnlyList<(long Sequence, DossierEvent Event)> events, Actor actor, string? authorityId, CancellationToken cancellationToken)
    {
        var recipients = await authorityMail.RecipientsAsync(authorityId, cancellationToken);
        var approves = events.Any(e => e.Event is ConventionSigned || (e.Event is ReceiptAcknowledged && !after.Request!.Convention.HasConvention));
        var links = approves ? await LinksAsync(after, cancellationToken) : [];
        (string Address, Uri? Portal)? beneficiary = events.Any(e => e.Event is ReminderDue or ReportOverdue or DocumentsRequested)
            ? await BeneficiaryAsync(dossierId, after, cancellationToken)
            : null;
        var service = actor.ThroughPortal && events.Any(e => e.Event is RequestSubmitted) ? await authorityMail.PortalServiceAsync(authorityId, cancellationToken) : null;
        return await authorityMail.SignAsync(
            authorityId,
            [
                .. Compose(dossierId, after, events, links, recipients).Select(mail => authorityMail.ForFinance(authorityId, mail)),
                .. ComposeForBeneficiary(dossierId, after, events, actor, beneficiary, service),
            ],
            cancellationToken);
    }

    /// <summary>
    /// The beneficiary's own e-mails, in their words: to the address that submitted the request on the portal (with a link
    /// to its page there), or else to the request's contact address (without: the portal shows only its own requests).
    /// </summary>
    private IEnumerable<OutgoingMail> ComposeForBeneficiary(
        string dossierId, Dossier after, IReadOnlyList<(long Sequence, DossierEvent Event)> events, Actor actor, (string Address, Uri? Portal)? beneficiary, (string Authority, PortalService Service)? service)
    {
        foreach (var (sequence, @event) in events)
        {
            string Key(string template) => $"{dossierId}:{sequence}:{template}";
            var mail = (@event, beneficiary) switch
            {
                // CRPA R112-11-2 and R112-11-3: acknowledged at once, to the address the request came from; through the
                // outbox, so that a mail provider's failure delays it but never loses it. It names the service of the
                // dossier's authority (L112-3, R112-11-1, 2°); the portal takes requests only for authorities that have one.
                (RequestSubmitted, _) when actor.ThroughPortal && service is { } by => PortalMails.Acknowledgment(
                    after, actor.Name, by.Authority, by.Service, PortalDocuments.Missing(after), site.Link(PortalMails.AcknowledgmentPath(dossierId)), Key("acknowledgment")),
                (DocumentsRequested e, { } to) => BeneficiaryMails.DocumentsRequested(after, e, to.Address, to.Portal, Key("documents-request")),
                (DocumentsRequestAnswered e, _) => BeneficiaryMails.DocumentsReceived(after, e, Key("documents-received")),
                (ReminderDue e, { } to) => BeneficiaryMails.Reminder(after, e, to.Address, to.Portal, Key("reminder-beneficiary")),
                (ReportOverdue e, { } to) => BeneficiaryMails.ReportOverdue(after, e, to.Address, to.Portal, Key("report-overdue-beneficiary")),
                _ => null,
            };
            if (mail is not null)
            {
                yield return mail;
            }
        }
    }

    private async Task<(string Address, Uri? Portal)> BeneficiaryAsync(string dossierId, Dossier after, CancellationToken cancellationToken) =>
        await portal.FindSubmissionAsync(dossierId, cancellationToken) is { } submission
            ? (submission.Address, site.DossierPage(dossierId))
            : (after.Request!.Beneficiary.Email, null);

    private IEnumerable<OutgoingMail> Compose(
        string dossierId, Dossier after, IReadOnlyList<(long Sequence, DossierEvent Event)> events, IReadOnlyList<DocumentLink> links, MailRecipients recipients)
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
