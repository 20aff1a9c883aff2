using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// What falls due between two days in one authority, joined with the dossiers it belongs to, the deadlines before those days that no
/// clock has fired yet, and the final reports already overdue (their deadline has fired and left the index): one reading for the dashboard and the daily digest. The index rows
/// are small and read whole (they give the order, the total and the counts per day); only the dossiers of the page
/// asked for are read. The index and the dossier list are both partitioned per authority: nothing of another
/// authority is read.
/// </summary>
public static class DeadlineBoard
{
    public static async Task<IReadOnlyList<UpcomingDeadline>> ReadAsync(
        IDeadlineIndex index, IDossierStore store, DateOnly from, DateOnly to, DateTimeOffset now, bool withReminders, string? authorityId, CancellationToken cancellationToken) =>
        (await ReadPageAsync(index, store, from, to, now, withReminders, 0, int.MaxValue, authorityId, cancellationToken)).Items;

    /// <param name="authorityId">The authority whose board it is (null: the first authority's).</param>
    public static async Task<DeadlinePage> ReadPageAsync(
        IDeadlineIndex index, IDossierStore store, DateOnly from, DateOnly to, DateTimeOffset now, bool withReminders, int skip, int take, string? authorityId,
        CancellationToken cancellationToken)
    {
        // Deadlines due before the window that no clock has fired yet (a dossier entered after the facts, a clock still
        // catching up): overdue from the first second. Only unfired deadlines stay in the index, so this reads few rows;
        // their reminders are left out, since they will be recorded as skipped, never sent.
        var notFiredYet = (await index.ReadDueAsync(from.AddDays(-1), now, authorityId, cancellationToken)).Where(d => d.Kind != nameof(DeadlineKind.Reminder));
        var indexed = (await index.ReadRangeAsync(from, to, authorityId, cancellationToken))
            .Where(d => withReminders || d.Kind != nameof(DeadlineKind.Reminder))
            .Concat(notFiredYet)
            .Select(d => new UpcomingDeadline(d.DossierId, "", "", d.DeadlineId, d.Kind, DeadlineLabels.Of(d.DeadlineId, d.Kind), d.Day, d.DueAt, d.DueAt <= now));

        var overdueReports = (await store.QueryAsync(new DossierQuery(Take: int.MaxValue, ReportOverdue: true, AuthorityId: authorityId), cancellationToken))
            .Select(d => new UpcomingDeadline(d.DossierId, d.Number, d.BeneficiaryName, DeadlineIds.ReportDue, nameof(DeadlineKind.ReportDue),
                $"{DeadlineLabels.Of(DeadlineKind.ReportDue)} (non remis)", d.ReportOverdueOn!.Value, FrenchCalendar.EndOfDayUtc(d.ReportOverdueOn.Value), true));
        // A report that has just fired may still be indexed: listed once, as not handed in.
        var board = overdueReports.Concat(indexed).DistinctBy(d => (d.DossierId, d.DeadlineId)).OrderByDescending(d => d.Overdue).ThenBy(d => d.DueAt).ThenBy(d => d.DossierId, StringComparer.Ordinal).ToList();
        var days = board.GroupBy(d => d.Day).OrderBy(day => day.Key).Select(day => new DeadlineDay(day.Key, day.Count(), day.Count(d => d.Overdue))).ToList();

        var page = board.Skip(Math.Max(skip, 0)).Take(Math.Max(take, 0)).ToList();
        var dossiers = (await store.GetSummariesAsync(page.Where(d => d.Number == "").Select(d => d.DossierId).Distinct().ToList(), cancellationToken))
            .ToDictionary(d => d.DossierId);
        var items = page
            .Where(d => d.Number != "" || dossiers.ContainsKey(d.DossierId))
            .Select(d => d.Number != "" ? d : d with { Number = dossiers[d.DossierId].Number, BeneficiaryName = dossiers[d.DossierId].BeneficiaryName })
            .ToList();
        return new DeadlinePage(items, Math.Max(skip, 0), take, board.Count, (long)Math.Max(skip, 0) + page.Count < board.Count, days);
    }
}
