namespace Approvals.Domain.Tests;

using static DossierCommand;
using static DossierEvent;
using static SeedDossier;

/// <summary>
/// Deadlines reached late (the clock was down, or the dossier was entered after the facts): a reminder that can no
/// longer help is recorded as skipped, not sent; the overdue event itself still happens. The seed dossier was notified
/// on 30 June 2022: its payment window ends on 30 August 2022, with reminders on 31 July (J-30), 15 August (J-15) and
/// 23 August (J-7).
/// </summary>
public class CatchUpTests
{
    private static readonly string J30 = DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 30);
    private static readonly string J15 = DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 15);

    [Fact]
    public void Given_a_notified_dossier_When_its_J30_reminder_is_reached_on_time_Then_it_is_due()
    {
        var given = Given.SeedThrough(6);

        var events = given.When(new DeadlineReached(J30), At(2022, 7, 31));

        Assert.IsType<ReminderDue>(Assert.Single(events));
    }

    [Fact]
    public void Given_a_notified_dossier_When_its_J30_reminder_is_reached_after_the_window_closed_Then_it_is_skipped_not_due()
    {
        var given = Given.SeedThrough(6);

        var events = given.When(new DeadlineReached(J30), At(2026, 11, 27));

        var skipped = Assert.IsType<ReminderSkipped>(Assert.Single(events));
        Assert.Equal(J30, skipped.DeadlineId);
        Assert.Equal(new DateOnly(2022, 8, 30), skipped.DeadlineDay);
    }

    [Fact]
    public void Given_a_notified_dossier_When_its_J30_reminder_is_reached_once_J15_is_due_too_Then_only_the_J15_one_is_due()
    {
        var given = Given.SeedThrough(6);

        var first = given.When(new DeadlineReached(J30), At(2022, 8, 16));
        given.Apply(new DeadlineReached(J30), At(2022, 8, 16));
        var second = given.When(new DeadlineReached(J15), At(2022, 8, 16));

        Assert.IsType<ReminderSkipped>(Assert.Single(first));
        Assert.IsType<ReminderDue>(Assert.Single(second));
    }

    [Fact]
    public void Given_a_skipped_reminder_When_it_is_reached_again_Then_nothing_happens_and_the_window_still_lapses()
    {
        var given = Given.SeedThrough(6);
        given.Apply(new DeadlineReached(J30), At(2026, 11, 27));

        var again = given.When(new DeadlineReached(J30), At(2026, 11, 27, 11));
        var lapse = given.When(new DeadlineReached(DeadlineIds.PaymentWindow), At(2026, 11, 27, 11));

        Assert.Empty(again);
        Assert.Contains(lapse, e => e is Lapsed);
    }
}
