using System.Security.Cryptography;
using System.Text;
using Approvals.Application;
using Approvals.Domain;
using MimeKit;

namespace Approvals.Mail;

/// <summary>Development mailer: each mail becomes an <c>.eml</c> file in <see cref="MailOptions.PickupFolder"/>, readable by any mail client and by <see cref="PickupMailbox"/>.</summary>
public sealed class PickupFolderMailer(MailOptions options, TimeProvider timeProvider) : IMailer
{
    public const string KeyHeader = "X-Approvals-Key";

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var folder = options.PickupFolder;
        if (!Path.IsPathFullyQualified(folder))
        {
            throw new InvalidOperationException($"Mail:PickupFolder must be an absolute path, not '{folder}'.");
        }

        Directory.CreateDirectory(folder);
        var now = timeProvider.GetUtcNow();
        if (mail.To.FirstOrDefault(address => !EmailAddresses.IsSendable(address)) is { } unusable)
        {
            throw MailRejectedException.UnusableAddress(unusable);
        }

        var message = ToMessage(mail, now);

        // The outbox may send the same mail again: keep one file per key, under its first name.
        var safeKey = PickupFileName.SafeKey(mail.Key);
        var existing = Directory.EnumerateFiles(folder, "*-" + safeKey + PickupFileName.Extension)
            .FirstOrDefault(path => PickupFileName.HoldsKey(Path.GetFileNameWithoutExtension(path), safeKey));
        var target = existing ?? Path.Combine(folder, PickupFileName.Id(now, mail.Key) + PickupFileName.Extension);

        // Written under a temporary name and renamed, so a reader never sees half a file.
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Held to the application's address rule (the one SendGrid takes too), and MimeKit's parser as a last word: retrying cannot cure either.</summary>
    private MimeMessage ToMessage(OutgoingMail mail, DateTimeOffset now)
    {
        try
        {
            return Compose(mail, now);
        }
        catch (ParseException e)
        {
            throw MailRejectedException.UnusableAddress(string.Join(", ", mail.To.Prepend(options.FromAddress)), e);
        }
    }

    private MimeMessage Compose(OutgoingMail mail, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = now,
            MessageId = $"{MessageIdLocalPart(mail.Key)}@{Domain(options.FromAddress)}",
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(mail.SenderName ?? options.FromName, options.FromAddress));
        message.To.AddRange(mail.To.Select(address => MailboxAddress.Parse(address)));
        message.Headers.Add(KeyHeader, mail.Key);
        return message;
    }

    // The same key gives the same Message-Id: a resent mail is the same message.
    private static string MessageIdLocalPart(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static string Domain(string address) =>
        address.Contains('@') ? address[(address.LastIndexOf('@') + 1)..] : "approvals.local";
}
