namespace Approvals.Domain;

/// <summary>The deadlines a dossier's state opens, computed as French law counts them (art. 641 and 642, Paris time).</summary>
internal static class DeadlineSchedule
{
    public static IReadOnlyList<Deadline> Of(Dossier state)
    {
        var request = state.Request;
        if (request is null || state.IsEnded)
        {
            return [];
        }

        var deadlines = new List<Deadline>();
        if (state.Stage == DossierStage.Notified && state.Notification is { } notification)
        {
            deadlines.AddRange(WithReminders(state, Main(DeadlineIds.PaymentWindow, DeadlineKind.PaymentWindow, notification.PaymentWindowLastDay), notification.NotifiedOn));
        }

        if ((state.Stage is DossierStage.Notified or DossierStage.PaymentRequested) && state.Notification is { } notified && ReportDueDay(state) is { } reportDue)
        {
            deadlines.AddRange(WithReminders(state, Main(DeadlineIds.ReportDue, DeadlineKind.ReportDue, reportDue), notified.NotifiedOn));
        }

        if (Transitions.ConventionRunning.Contains(state.Stage) && state.Signature is { } signature && request.Convention.EndDate is { } end
            && end >= signature.AuthoritySignedOn)
        {
            deadlines.Add(Main(DeadlineIds.ConventionEnd, DeadlineKind.ConventionEnd, end));
        }

        if (state.Receipt is { Referral: null, SafeFromReferralSince: null } && LegalityControl.ReferralWindowLastDay(state) is { } referralLastDay)
        {
            deadlines.Add(Main(DeadlineIds.ReferralWindow, DeadlineKind.ReferralWindow, referralLastDay));
        }

        if (state.Stage == DossierStage.FormalNotice && state.FormalNotice?.Sent is { } notice)
        {
            deadlines.Add(Main(DeadlineIds.FormalNoticeExpiry(notice.SentOn), DeadlineKind.FormalNoticeExpiry, notice.ExpiresOn));
        }

        return deadlines.Where(d => !state.FiredDeadlines.Contains(d.Id)).OrderBy(d => d.DueAt).ToList();
    }

    /// <summary>
    /// The convention's date, or the legal default: six months after the end of the financial year of the grant;
    /// never before the notification that opens it. Null before notification.
    /// </summary>
    public static DateOnly? ReportDueDay(Dossier state)
    {
        if (state.Request is not { } request || state.Notification?.NotifiedOn is not { } notified)
        {
            return null;
        }

        var due = request.Convention.ReportDueDate
            ?? FrenchCalendar.MonthsPeriodLastDay(new DateOnly(request.BudgetLine.Year, 12, 31), 6, state.Policy.Territory);
        return due < notified ? notified : due;
    }

    private static Deadline Main(string id, DeadlineKind kind, DateOnly lastDay) =>
        new(id, kind, lastDay, FrenchCalendar.EndOfDayUtc(lastDay));

    /// <summary>Reminders go out at the start (Paris) of the day N days before the last day, never before the act that opened the deadline.</summary>
    private static IEnumerable<Deadline> WithReminders(Dossier state, Deadline main, DateOnly openedOn)
    {
        yield return main;
        foreach (var days in state.Policy.ReminderOffsetsDays.Distinct().OrderByDescending(d => d))
        {
            var day = main.Day.AddDays(-days);
            if (day > openedOn)
            {
                yield return new Deadline(DeadlineIds.Reminder(main.Id, days), DeadlineKind.Reminder, day,
                    FrenchCalendar.EndOfDayUtc(day.AddDays(-1)), main.Kind, main.Day, days);
            }
        }
    }
}
