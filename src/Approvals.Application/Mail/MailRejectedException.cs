namespace Approvals.Application;

/// <summary>
/// The mail cannot be sent as it is, however often it is tried: the provider refused it for good (HTTP 400, 401, 403),
/// or an address cannot be used. The outbox marks it failed at once, for a person to look at and send again.
/// </summary>
public sealed class MailRejectedException : Exception
{
    public MailRejectedException(int statusCode, string detail)
        : base($"Mail refused with HTTP {statusCode}: {detail}")
    {
        StatusCode = statusCode;
        Detail = detail;
        Reason = $"HTTP {statusCode} : {detail}";
    }

    /// <summary>Refused before any provider saw it: <paramref name="reason"/> says why, in French, for the failed mails list.</summary>
    public MailRejectedException(string reason, Exception? cause = null)
        : base(reason, cause)
    {
        Detail = reason;
        Reason = reason;
    }

    /// <summary>An address no mailer takes (see <c>EmailAddresses</c>), or one MimeKit cannot parse.</summary>
    public static MailRejectedException UnusableAddress(string address, Exception? cause = null) =>
        new($"Adresse inutilisable par la messagerie : « {address} ». Corrigez-la, puis renvoyez le courriel.", cause);

    /// <summary>The provider's answer, when it was the provider that refused.</summary>
    public int? StatusCode { get; }

    public string Detail { get; }

    /// <summary>What the list of failed mails shows.</summary>
    public string Reason { get; }
}
