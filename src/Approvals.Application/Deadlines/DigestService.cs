using Approvals.Domain;
using Microsoft.Extensions.Logging;

namespace Approvals.Application;

/// <summary>The daily digest to finance: every deadline of the coming weeks, and final reports already overdue.</summary>
public sealed class DigestService(IDeadlineIndex index, IDossierStore store, IMailer mailer, MailRecipients recipients, ProcessOptions options, TimeProvider time, ILogger<DigestService> logger)
{
    public async Task<OutgoingMail> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = FrenchCalendar.ParisDate(now);
        var board = await DeadlineBoard.ReadAsync(index, store, today, today.AddDays(options.DigestDays), now, withReminders: false, cancellationToken);
        var lines = board.Select(d => new DigestLine(d.Number, d.BeneficiaryName, d.Label, d.Day, d.Overdue)).ToList();
        return DossierMails.Digest(lines, recipients, today, $"digest:{today:yyyy-MM-dd}");
    }

    /// <summary>Sends the digest if anyone is to receive it; the key makes a second run on the same day harmless at the receiver.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (recipients.Finance.Count == 0)
        {
            logger.LogInformation("No finance recipients configured: no digest sent");
            return;
        }

        await mailer.SendAsync(await BuildAsync(cancellationToken), cancellationToken);
    }
}
