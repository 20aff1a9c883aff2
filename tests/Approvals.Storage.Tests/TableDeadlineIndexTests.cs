using Approvals.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

[Collection(StorageCollection.Name)]
public sealed class TableDeadlineIndexTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Today = new(2022, 8, 31);

    // 14:00 in Paris (UTC+2 in summer).
    private static readonly DateTimeOffset Now = new(2022, 8, 31, 12, 0, 0, TimeSpan.Zero);

    private async Task<IDeadlineIndex> NewIndexAsync() =>
        (await fixture.CreateServicesAsync()).GetRequiredService<IDeadlineIndex>();

    private static IndexedDeadline Deadline(string dossierId, string deadlineId, DateOnly day, DateTimeOffset dueAt) =>
        new(dossierId, deadlineId, "payment-request", day, dueAt);

    [Fact]
    public async Task GivenDeadlinesOverSeveralDays_WhenDueOnesAreRead_ThenOnlyThosePastAndDueNowComeBack()
    {
        var index = await NewIndexAsync();
        var lastWeek = Deadline("d1", "report", Today.AddDays(-7), Now.AddDays(-7));
        var thisMorning = Deadline("d2", "payment", Today, Now.AddHours(-4));
        var thisEvening = Deadline("d3", "payment", Today, Now.AddHours(6));
        var tomorrow = Deadline("d4", "report", Today.AddDays(1), Now.AddDays(1));
        var nextMonth = Deadline("d5", "report", Today.AddDays(30), Now.AddDays(30));
        await index.UpsertAsync([nextMonth, thisEvening, lastWeek, tomorrow, thisMorning], None);

        Assert.Equal([lastWeek, thisMorning], await index.ReadDueAsync(Today, Now, null, None));
        Assert.Equal([lastWeek, thisMorning, thisEvening], await index.ReadDueAsync(Today, Now.AddHours(6), null, None));
        Assert.Equal([thisMorning, thisEvening, tomorrow], await index.ReadRangeAsync(Today, Today.AddDays(7), null, None));
    }

    [Fact]
    public async Task GivenADeadlineIndexedAgain_WhenRead_ThenTheLatestDueInstantIsKept()
    {
        var index = await NewIndexAsync();
        var first = Deadline("d1", "payment", Today, Now.AddHours(2));
        await index.UpsertAsync([first], None);

        var moved = first with { DueAt = Now.AddHours(-1) };
        await index.UpsertAsync([moved], None);

        Assert.Equal([moved], await index.ReadDueAsync(Today, Now, null, None));
    }

    [Fact]
    public async Task GivenRemovedDeadlines_WhenRemovedAgain_ThenNothingFailsAndTheyAreGone()
    {
        var index = await NewIndexAsync();
        var kept = Deadline("d1", "payment", Today, Now.AddHours(-1));
        var removed = Deadline("dossier/with#odd?keys\\", "report|1", Today, Now.AddHours(-2));
        await index.UpsertAsync([kept, removed], None);
        Assert.Equal([removed, kept], await index.ReadDueAsync(Today, Now, null, None));

        await index.RemoveAsync([removed], None);
        await index.RemoveAsync([removed, Deadline("never", "indexed", Today, Now)], None);

        Assert.Equal([kept], await index.ReadDueAsync(Today, Now, null, None));
    }

    [Fact]
    public async Task GivenAThousandFutureDeadlines_WhenDueOnesAreRead_ThenNoneOfThemComesBack()
    {
        var index = await NewIndexAsync();
        var future = Enumerable.Range(0, 1_000)
            .Select(number => Deadline($"d{number}", "report", Today.AddDays(1 + number % 200), Now.AddDays(1 + number % 200)))
            .ToList();
        var due = Deadline("due", "payment", Today.AddDays(-1), Now.AddDays(-1));
        await index.UpsertAsync([.. future, due], None);

        Assert.Equal([due], await index.ReadDueAsync(Today, Now, null, None));
        Assert.Equal(1_000, (await index.ReadRangeAsync(Today.AddDays(1), Today.AddDays(200), null, None)).Count);
    }
}
