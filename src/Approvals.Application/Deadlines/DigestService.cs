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
        var dossiers = (await store.QueryAsync(new DossierQuery(Take: int.MaxValue), cancellationToken)).ToDictionary(d => d.DossierId);
        var coming = (await index.ReadRangeAsync(today, today.AddDays(options.DigestDays), cancellationToken))
            .Where(d => d.Kind != nameof(DeadlineKind.Reminder) && dossiers.ContainsKey(d.DossierId))
            .Select(d => new DigestLine(dossiers[d.DossierId].Number, dossiers[d.DossierId].BeneficiaryName, DeadlineLabels.Of(d.DeadlineId, d.Kind), d.Day, d.DueAt <= now));
        var overdue = dossiers.Values.Where(d => d.ReportOverdueOn is not null)
            .Select(d => new DigestLine(d.Number, d.BeneficiaryName, $"{DeadlineLabels.Of(DeadlineKind.ReportDue)} (non remis)", d.ReportOverdueOn!.Value, true));
        return DossierMails.Digest(overdue.Concat(coming).ToList(), recipients, today, $"digest:{today:yyyy-MM-dd}");
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
