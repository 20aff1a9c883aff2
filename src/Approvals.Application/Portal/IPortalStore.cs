namespace Approvals.Application;

/// <summary>
/// What the beneficiaries' portal keeps: one-time sign-in links (by the SHA-256 of their token only), rate-limit
/// counters, each address's draft, and which dossiers each address submitted (with the agents' check of them).
/// </summary>
public interface IPortalStore
{
    Task SaveLinkAsync(PortalLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the link of <paramref name="tokenHash"/> used at <paramref name="now"/>, once: null when there is no such
    /// link; otherwise the link and whether this call is the one that used it (false when it was already used, by an
    /// earlier call or a concurrent one that won).
    /// </summary>
    Task<(PortalLink Link, bool UsedNow)?> UseLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds one to the counter <paramref name="key"/> of time window <paramref name="window"/> and returns its new value.</summary>
    Task<int> CountAsync(string key, string window, CancellationToken cancellationToken);

    Task<string?> ReadDraftAsync(string address, CancellationToken cancellationToken);

    Task SaveDraftAsync(string address, string json, CancellationToken cancellationToken);

    Task DeleteDraftAsync(string address, CancellationToken cancellationToken);

    /// <summary>Records (or records again, harmlessly) that <see cref="PortalSubmission.Address"/> submitted the dossier.</summary>
    Task RecordSubmissionAsync(PortalSubmission submission, CancellationToken cancellationToken);

    Task<PortalSubmission?> FindSubmissionAsync(string dossierId, CancellationToken cancellationToken);

    /// <summary>The dossiers <paramref name="address"/> submitted, newest first.</summary>
    Task<IReadOnlyList<PortalSubmission>> SubmissionsOfAsync(string address, CancellationToken cancellationToken);

    /// <summary>
    /// The newest <paramref name="take"/> portal submissions addressed to <paramref name="authorityId"/> (null: the
    /// first), newest first: its agents' inbox. Reads only that authority's rows, and no more than it returns.
    /// </summary>
    Task<IReadOnlyList<PortalSubmission>> InboxAsync(string? authorityId, int take, CancellationToken cancellationToken);

    /// <summary>Records the agents' check on the submission, as found and in its authority's inbox.</summary>
    Task SaveCheckAsync(string dossierId, PortalCheck check, CancellationToken cancellationToken);
}
