using Approvals.Application;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions;

/// <summary>
/// The daily digest to finance, on the schedule of the setting <c>Reminders__DigestCron</c> (default
/// <c>0 7 * * 1-5</c>, the server's). The server reads it in Paris time; timer triggers on Flex Consumption run in
/// UTC (<c>WEBSITE_TIME_ZONE</c> is not supported on Linux), so the same expression fires at 08:00 (winter) or 09:00
/// (summer) in Paris. The digest's key is the Paris date, so a second run on one day is recognisable as a repeat.
/// </summary>
public sealed class DigestTimer(DigestService digest)
{
    [Function(nameof(SendDigest))]
    public Task SendDigest([TimerTrigger("%Reminders:DigestCron%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.SendAsync(cancellationToken);
}
