using Approvals.Domain;
using Microsoft.Extensions.Logging;

namespace Approvals.Application;

/// <summary>
/// The daily digest to finance: every deadline of the coming weeks, and final reports already overdue. One per
/// authority, each to that authority's finance staff with its dossiers only; both hosts' timers call
/// <see cref="SendAsync"/>, which goes through every authority of the <see cref="AuthorityDirectory"/>.
/// </summary>
public sealed class DigestService(
    IDeadlineIndex index, IDossierStore store, IMailer mailer, AuthorityDirectory directory, AuthorityMail authorityMail, ProcessOptions options, TimeProvider time, ILogger<DigestService> logger)
{
    /// <summary>The digest of <paramref name="authorityId"/> (null: the first authority's).</summary>
    public async Task<OutgoingMail> BuildAsync(CancellationToken cancellationToken, string? authorityId = null)
    {
        var now = time.GetUtcNow();
        var today = FrenchCalendar.ParisDate(now);
        var board = (await DeadlineBoard.ReadPageAsync(index, store, today, today.AddDays(options.DigestDays), now, withReminders: false, 0, int.MaxValue, authorityId, cancellationToken)).Items;
        var lines = board.Select(d => new DigestLine(d.Number, d.BeneficiaryName, d.Label, d.Day, d.Overdue)).ToList();
        var recipients = await authorityMail.RecipientsAsync(authorityId, cancellationToken);
        // The first authority's key is the one a single-authority deployment has always used.
        var key = authorityId is null ? $"digest:{today:yyyy-MM-dd}" : $"digest:{authorityId}:{today:yyyy-MM-dd}";
        return (await authorityMail.SignAsync(authorityId, [DossierMails.Digest(lines, recipients, today, key)], cancellationToken))[0];
    }

    /// <summary>
    /// Sends each authority's digest if anyone is to receive it; the key makes a second run on the same day harmless at
    /// the receiver. One authority's failure does not keep the others' from going out.
    /// </summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        List<Exception>? faults = null;
        foreach (var authority in await directory.ListAsync(cancellationToken))
        {
            var authorityId = authority.Id == directory.First.Id ? null : authority.Id;
            try
            {
                if ((await authorityMail.RecipientsAsync(authorityId, cancellationToken)).Finance.Count == 0)
                {
                    logger.LogInformation("No finance recipients configured for authority {AuthorityId}: no digest sent", authority.Id);
                    continue;
                }

                await mailer.SendAsync(await BuildAsync(cancellationToken, authorityId), cancellationToken);
            }
            catch (Exception fault) when (fault is not OperationCanceledException)
            {
                logger.LogWarning(fault, "Digest of authority {AuthorityId} not sent", authority.Id);
                (faults ??= []).Add(fault);
            }
        }

        if (faults is not null)
        {
            throw new AggregateException("Some authorities' digests were not sent.", faults);
        }
    }
}
