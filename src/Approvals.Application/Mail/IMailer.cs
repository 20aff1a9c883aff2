namespace Approvals.Application;

/// <summary>Sends one e-mail. Throws <see cref="MailRejectedException"/> when the provider refuses it for good (no retry helps), any other exception for a transient fault.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
