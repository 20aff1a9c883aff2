using MimeKit;

namespace Approvals.Mail;

/// <summary>Reads the pickup folder back, for the development mailbox page.</summary>
public sealed class PickupMailbox(MailOptions options)
{
    /// <summary>The newest <paramref name="max"/> mails, newest first (file names start with the sending instant).</summary>
    public IReadOnlyList<PickedUpMail> List(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (!Directory.Exists(options.PickupFolder))
        {
            return [];
        }

        return Directory.EnumerateFiles(options.PickupFolder, "*" + PickupFileName.Extension)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(PickupFileName.IsValidId)
            .OrderDescending(StringComparer.Ordinal)
            .Take(max)
            .Select(Find)
            .OfType<PickedUpMail>()
            .ToList();
    }

    /// <summary>The mail of file <paramref name="id"/>, or null when there is none or the id is not one this folder could hold.</summary>
    public PickedUpMail? Find(string id)
    {
        if (!PickupFileName.IsValidId(id))
        {
            return null;
        }

        var path = Path.Combine(options.PickupFolder, id + PickupFileName.Extension);
        if (!File.Exists(path))
        {
            return null;
        }

        var message = MimeMessage.Load(path);
        return new PickedUpMail(
            id,
            message.Date,
            message.To.Mailboxes.Select(mailbox => mailbox.Address).ToList(),
            message.Subject ?? "",
            message.HtmlBody ?? "",
            message.TextBody ?? "");
    }
}
