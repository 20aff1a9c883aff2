using Approvals.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

/// <summary>The deadline board read a page at a time from the deadline index and the dossier index, on Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class DeadlineBoardTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GivenDeadlinesOverSeveralDays_WhenReadPageByPage_ThenThePagesMakeTheWholeBoardAndTheDaysCountIt()
    {
        await using var services = await fixture.CreateServicesAsync();
        var store = services.GetRequiredService<IDossierStore>();
        var index = services.GetRequiredService<IDeadlineIndex>();
        var now = new DateTimeOffset(2022, 9, 10, 8, 0, 0, TimeSpan.Zero);
        var day = new DateOnly(2022, 9, 10);
        var entries = new List<IndexedDeadline>();
        for (var i = 0; i < 6; i++)
        {
            var summary = Dossiers.Summary($"board-{i}", "Notified", beneficiary: $"Bénéficiaire {i}") with
            {
                ReportOverdueOn = i == 5 ? day.AddDays(-30) : null,
            };
            var commit = Dossiers.Commit(summary.DossierId, null, 1, 1, summary: summary);
            await store.CommitAsync(commit, None);
            await store.IndexAsync(commit, None);
            entries.Add(new(summary.DossierId, "payment-window", "PaymentWindow", day.AddDays(i % 3 - 1), now.AddDays(i % 3 - 1).AddMinutes(i)));
            entries.Add(new(summary.DossierId, "reminder", "Reminder", day.AddDays(i % 2 + 2), now.AddDays(i % 2 + 2)));
        }

        await index.UpsertAsync(entries, None);

        var pages = new List<DeadlinePage>();
        for (var skip = 0; pages.Count == 0 || pages[^1].HasMore; skip += 4)
        {
            pages.Add(await DeadlineBoard.ReadPageAsync(index, store, day.AddDays(-60), day.AddDays(60), now, withReminders: true, skip, 4, null, None));
        }

        var whole = pages.SelectMany(page => page.Items).ToList();
        // The overdue report first, then every indexed deadline by instant; each with its dossier's number and beneficiary.
        Assert.Equal(13, pages[0].Total);
        Assert.Equal([4, 4, 4, 1], pages.Select(page => page.Items.Count));
        Assert.Equal(
            new[] { ("board-5", "ReportDue") }.Concat(entries.OrderByDescending(e => e.DueAt <= now).ThenBy(e => e.DueAt).Select(e => (e.DossierId, e.Kind))),
            whole.Select(d => (d.DossierId, d.Kind)));
        Assert.All(whole, d => Assert.Equal($"Bénéficiaire {d.DossierId[^1]}", d.BeneficiaryName));
        Assert.All(whole, d => Assert.Equal(Dossiers.Summary(d.DossierId).Number, d.Number));
        Assert.Equal(
            whole.GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => new DeadlineDay(g.Key, g.Count(), g.Count(d => d.DueAt <= now))),
            pages[0].Days);
        Assert.All(pages, page => Assert.Equal(pages[0].Days, page.Days));
    }

    [Fact]
    public async Task GivenDeadlinesLongPastThatNoClockFiredYet_WhenTheBoardIsRead_ThenTheyAreListedOverdueOnceAndTheirRemindersAreNot()
    {
        await using var services = await fixture.CreateServicesAsync();
        var store = services.GetRequiredService<IDossierStore>();
        var index = services.GetRequiredService<IDeadlineIndex>();
        var now = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var today = new DateOnly(2026, 11, 27);
        var reportDay = new DateOnly(2023, 6, 30);
        var caughtUp = Dossiers.Summary("late-1", "PaymentRequested", beneficiary: "Bénéficiaire 1");
        var fired = Dossiers.Summary("late-2", "PaymentRequested", beneficiary: "Bénéficiaire 2") with { ReportOverdueOn = reportDay };
        foreach (var summary in new[] { caughtUp, fired })
        {
            var commit = Dossiers.Commit(summary.DossierId, null, 1, 1, summary: summary);
            await store.CommitAsync(commit, None);
            await store.IndexAsync(commit, None);
        }

        await index.UpsertAsync(
        [
            new("late-1", "report-due", "ReportDue", reportDay, new DateTimeOffset(2023, 6, 30, 22, 0, 0, TimeSpan.Zero)),
            new("late-1", "report-due-reminder-30", "Reminder", reportDay.AddDays(-30), new DateTimeOffset(2023, 5, 31, 22, 0, 0, TimeSpan.Zero)),
            // Fired, its summary says so, but the index row is not removed yet.
            new("late-2", "report-due", "ReportDue", reportDay, new DateTimeOffset(2023, 6, 30, 22, 0, 0, TimeSpan.Zero)),
        ], None);

        var board = await DeadlineBoard.ReadPageAsync(index, store, today.AddDays(-60), today.AddDays(60), now, withReminders: true, 0, 100, null, None);

        Assert.Equal([("late-1", "report-due", true), ("late-2", "report-due", true)], board.Items.Select(d => (d.DossierId, d.DeadlineId, d.Overdue)).Order());
        Assert.Equal(2, board.Total);
        Assert.Equal([new DeadlineDay(reportDay, 2, 2)], board.Days);
    }
}
