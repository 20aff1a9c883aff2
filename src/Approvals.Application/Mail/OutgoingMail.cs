namespace Approvals.Application;

/// <summary>An e-mail ready to send: every value already HTML-encoded in <paramref name="Html"/>. <paramref name="Key"/> identifies it across retries.</summary>
public sealed record OutgoingMail(string Key, IReadOnlyList<string> To, string Subject, string Html, string Text)
{
    /// <summary>The sender's display name when it is not the deployment's (another authority's mail); the address stays the deployment's.</summary>
    public string? SenderName { get; init; }

    /// <summary>
    /// Set when the mail is for an authority's finance staff only and the authority had none when it was written: that
    /// authority's id, whose finance staff are read again when the mail is sent (or sent again once they are set).
    /// </summary>
    public string? FinanceOf { get; init; }
}
