using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// What falls due between two days, joined with the dossiers it belongs to, and the final reports already overdue
/// (their deadline has fired and left the index): one reading for the dashboard and the daily digest.
/// </summary>
public static class DeadlineBoard
{
    public static async Task<IReadOnlyList<UpcomingDeadline>> ReadAsync(
        IDeadlineIndex index, IDossierStore store, DateOnly from, DateOnly to, DateTimeOffset now, bool withReminders, CancellationToken cancellationToken)
    {
        var indexed = (await index.ReadRangeAsync(from, to, cancellationToken))
            .Where(d => withReminders || d.Kind != nameof(DeadlineKind.Reminder))
            .ToList();
        // Only the dossiers the board shows are read: those with a deadline in the range, and the overdue reports' listing.
        var dossiers = (await store.GetSummariesAsync(indexed.Select(d => d.DossierId).Distinct().ToList(), cancellationToken)).ToDictionary(d => d.DossierId);
        var overdue = await store.QueryAsync(new DossierQuery(Take: int.MaxValue, ReportOverdue: true), cancellationToken);
        var coming = indexed
            .Where(d => dossiers.ContainsKey(d.DossierId))
            .Select(d => new UpcomingDeadline(d.DossierId, dossiers[d.DossierId].Number, dossiers[d.DossierId].BeneficiaryName, d.DeadlineId, d.Kind,
                DeadlineLabels.Of(d.DeadlineId, d.Kind), d.Day, d.DueAt, d.DueAt <= now));
        var overdueReports = overdue
            .Select(d => new UpcomingDeadline(d.DossierId, d.Number, d.BeneficiaryName, DeadlineIds.ReportDue, nameof(DeadlineKind.ReportDue),
                $"{DeadlineLabels.Of(DeadlineKind.ReportDue)} (non remis)", d.ReportOverdueOn!.Value, FrenchCalendar.EndOfDayUtc(d.ReportOverdueOn.Value), true));
        return overdueReports.Concat(coming).OrderByDescending(d => d.Overdue).ThenBy(d => d.DueAt).ToList();
    }
}
