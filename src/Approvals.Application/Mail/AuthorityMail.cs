namespace Approvals.Application;

/// <summary>
/// The e-mails of one authority: to its finance staff, signed with its name. The first authority keeps the settings'
/// finance list and the deployment's signature, so a one-authority deployment sends exactly what it always sent.
/// </summary>
public sealed class AuthorityMail(AuthorityDirectory directory, MailRecipients first, PortalSite site)
{
    /// <summary>
    /// The finance staff of <paramref name="authorityId"/> (null: the first authority's, from the settings); none for an
    /// authority no longer known, never another authority's.
    /// </summary>
    public async Task<MailRecipients> RecipientsAsync(string? authorityId, CancellationToken cancellationToken) =>
        IsFirst(authorityId) ? first : new MailRecipients((await directory.FindAsync(authorityId, cancellationToken))?.FinanceRecipients ?? []);

    /// <summary>The mails signed for <paramref name="authorityId"/>: as they are for the first authority.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> SignAsync(string? authorityId, IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken) =>
        mails.Count > 0 && !IsFirst(authorityId) && await directory.FindAsync(authorityId, cancellationToken) is { } authority
            ? mails.Select(mail => MailLayout.SignedFor(mail, authority.Name)).ToList()
            : mails;

    /// <summary>
    /// The authority's name and the service that answers for <paramref name="authorityId"/>'s portal requests (the first's: <c>Portal:Service</c>);
    /// null for an authority the portal does not offer. An acknowledgment names the service of the authority that
    /// received the request, never another's (CRPA art. L112-3 and R112-11-1, 2°).
    /// </summary>
    public async Task<(string Authority, PortalService Service)?> PortalServiceAsync(string? authorityId, CancellationToken cancellationToken) =>
        IsFirst(authorityId) ? (directory.First.Name, site.Service)
        : await directory.FindAsync(authorityId, cancellationToken) is { Portal: { } portal } authority && directory.OffersPortal(authority) ? (authority.Name, portal.Service)
        : null;

    /// <summary>The mail marked to be addressed when it is sent, if it has no recipient: the authority had no finance staff.</summary>
    public OutgoingMail ForFinance(string? authorityId, OutgoingMail mail) =>
        mail.To.Count == 0 ? mail with { FinanceOf = directory.Owner(authorityId) } : mail;

    /// <summary>
    /// The mail as it can be sent: one written without recipients gets its authority's finance staff as they are now.
    /// With none, it is refused for good, the reason naming the authority and the setting to fill: the provider would
    /// refuse a mail without recipients anyway (SendGrid: 400), and the failed mails list is where a person looks.
    /// </summary>
    public async Task<OutgoingMail> AddressAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (mail.To.Count > 0)
        {
            return mail;
        }

        if (mail.FinanceOf is not { } authorityId)
        {
            throw new MailRejectedException("Courriel sans destinataire : il ne peut pas être envoyé.");
        }

        var recipients = await RecipientsAsync(authorityId, cancellationToken);
        if (recipients.Finance.Count > 0)
        {
            return mail with { To = recipients.Finance };
        }

        var name = (await directory.FindAsync(authorityId, cancellationToken))?.Name ?? authorityId;
        var setting = IsFirst(authorityId) ? "Mail:FinanceRecipients" : $"financeRecipients de l'autorité « {authorityId} » (table Authorities)";
        throw new MailRejectedException(
            $"Aucun destinataire aux finances pour {name} : renseignez le paramètre {setting}, puis renvoyez le courriel.");
    }

    private bool IsFirst(string? authorityId) => authorityId is null || authorityId == directory.First.Id;
}
