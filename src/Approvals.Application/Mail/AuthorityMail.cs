namespace Approvals.Application;

/// <summary>
/// The e-mails of one authority: to its finance staff, signed with its name. The first authority keeps the settings'
/// finance list and the deployment's signature, so a one-authority deployment sends exactly what it always sent.
/// </summary>
public sealed class AuthorityMail(AuthorityDirectory directory, MailRecipients first)
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

    private bool IsFirst(string? authorityId) => authorityId is null || authorityId == directory.First.Id;
}
