using Approvals.Domain;

namespace Approvals.Application.Tests;

using static DossierCommand;
using static SeedDossier;

/// <summary>What the Function App's per-dossier orchestration waits for, decided on dossiers built by the decider.</summary>
public sealed class DossierClockPlanTests
{
    private static readonly TimeSpan ParisSummer = TimeSpan.FromHours(2);

    [Fact]
    public void Given_a_submitted_dossier_When_planned_Then_the_clock_waits_for_a_change()
    {
        var state = SeedHistory.Through(1).State;

        Assert.Equal(DossierStage.Submitted, state.Stage);
        Assert.IsType<ClockStep.WaitForChange>(DossierClockPlan.Next(state));
        Assert.Equal(new NextDeadlineResult(null, null, false), NextDeadlineResult.Of(DossierClockPlan.Next(state)));
    }

    [Fact]
    public void Given_a_dossier_notified_on_30_June_2022_When_planned_Then_the_clock_waits_for_the_J30_reminder_of_the_payment_window()
    {
        var state = SeedHistory.Through(6).State;

        var wait = Assert.IsType<ClockStep.WaitUntil>(DossierClockPlan.Next(state));
        Assert.Equal(DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 30), wait.Deadline.Id);
        Assert.Equal(new DateTimeOffset(2022, 7, 31, 0, 0, 0, ParisSummer), wait.Deadline.DueAt);

        var result = NextDeadlineResult.Of(wait);
        Assert.Equal(wait.Deadline.Id, result.DeadlineId);
        Assert.Equal(new DateTime(2022, 7, 30, 22, 0, 0, DateTimeKind.Utc), result.DueUtc);
        Assert.Equal(DateTimeKind.Utc, result.DueUtc!.Value.Kind);
        Assert.False(result.Completed);
    }

    [Fact]
    public void Given_the_J30_reminder_fired_When_planned_again_Then_the_clock_waits_for_the_J15_reminder()
    {
        var reminder = DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 30);
        var state = SeedHistory.Through(6).Apply(new DeadlineReached(reminder), new DateTimeOffset(2022, 7, 31, 0, 0, 0, ParisSummer)).State;

        Assert.Contains(reminder, state.FiredDeadlines);
        var wait = Assert.IsType<ClockStep.WaitUntil>(DossierClockPlan.Next(state));
        Assert.Equal(DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 15), wait.Deadline.Id);
        Assert.Equal(new DateTimeOffset(2022, 8, 15, 0, 0, 0, ParisSummer), wait.Deadline.DueAt);
    }

    [Fact]
    public void Given_a_formal_notice_sent_on_15_September_2022_When_planned_Then_the_clock_waits_for_its_expiry()
    {
        var sentOn = new DateOnly(2022, 9, 15);
        var state = SeedHistory.Through(8)
            .Apply(new DeadlineReached(DeadlineIds.ReferralWindow), At(2022, 8, 23, 15))
            .Apply(new SendFormalNotice(sentOn, "Actions non réalisées"), At(2022, 9, 15, 15)).State;

        Assert.Equal(DossierStage.FormalNotice, state.Stage);
        var wait = Assert.IsType<ClockStep.WaitUntil>(DossierClockPlan.Next(state));
        Assert.Equal(DeadlineIds.FormalNoticeExpiry(sentOn), wait.Deadline.Id);
        Assert.Equal(DeadlineKind.FormalNoticeExpiry, wait.Deadline.Kind);

        // One month, carried over the weekend of 15–16 October to Monday 17 October: reached at midnight that night.
        Assert.Equal(new DateOnly(2022, 10, 17), wait.Deadline.Day);
        Assert.Equal(new DateTimeOffset(2022, 10, 18, 0, 0, 0, ParisSummer), wait.Deadline.DueAt);
    }

    [Fact]
    public void Given_a_dossier_that_lapsed_When_planned_Then_the_clock_completes()
    {
        var state = SeedHistory.Through(6).Apply(new DeadlineReached(DeadlineIds.PaymentWindow), new DateTimeOffset(2022, 8, 31, 0, 0, 0, ParisSummer)).State;

        AssertCompletes(state, DossierStage.Lapsed);
    }

    [Fact]
    public void Given_a_closed_dossier_When_planned_Then_the_clock_completes()
    {
        var state = SeedHistory.Through(8)
            .Apply(new ReceiveReport(new DateOnly(2023, 1, 20), 15_790m), At(2023, 1, 21))
            .Apply(new AcceptReport(new DateOnly(2023, 2, 10)), At(2023, 2, 10))
            .State;

        AssertCompletes(state, DossierStage.Closed);
    }

    [Fact]
    public void Given_a_withdrawn_dossier_When_planned_Then_the_clock_completes()
    {
        var state = SeedHistory.Through(2).Apply(new Withdraw(new DateOnly(2022, 6, 15), "Programme abandonné"), At(2022, 6, 15, 15)).State;

        AssertCompletes(state, DossierStage.Withdrawn);
    }

    [Fact]
    public void Given_a_dossier_terminated_after_a_formal_notice_When_planned_Then_the_clock_completes()
    {
        var state = SeedHistory.Through(8)
            .Apply(new SendFormalNotice(new DateOnly(2022, 9, 15), "Actions non réalisées"), At(2022, 9, 15, 15))
            .Apply(new Terminate(new DateOnly(2022, 10, 18)), At(2022, 10, 18, 15))
            .State;

        AssertCompletes(state, DossierStage.Terminated);
    }

    private static void AssertCompletes(Dossier state, DossierStage expected)
    {
        Assert.Equal(expected, state.Stage);
        Assert.IsType<ClockStep.Complete>(DossierClockPlan.Next(state));
        Assert.Equal(new NextDeadlineResult(null, null, true), NextDeadlineResult.Of(DossierClockPlan.Next(state)));
    }
}
