using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Server;
using Approvals.Testing;
using static Approvals.Server.Tests.LifecycleApiTests;

namespace Approvals.Server.Tests;

/// <summary>
/// Issue 11: the demo's dossiers are entered years after their facts, so their deadlines are overdue on arrival. The
/// deadlines page reads the deadline index, written with each command's outbox: it lists them as soon as the demo is
/// loaded, before any clock has fired anything (this server runs none).
/// </summary>
public sealed class DemoDeadlinesTests
{
    [Fact]
    public async Task GivenTheDemoLoadedYearsAfterItsFacts_WhenTheDeadlinesAreAskedBeforeAnyClockRan_ThenTheOverdueDeadlinesOfItsDossierAreListed()
    {
        await using var host = await ApprovalsServerHost.StartAsync(Paris(2026, 11, 27));
        await DemoData.LoadAsync(host.Services, CancellationToken.None);
        var reader = await host.SignInAsync(Role.Reader);

        // What the dossier's page calls overdue, apart from reminders (a reminder past its deadline is skipped, not due).
        var dossier = await reader.GetFromJsonAsync<JsonElement>("/api/dossiers/SUB-2022-0001");
        var overdue = dossier.GetProperty("deadlines").EnumerateArray()
            .Where(d => d.GetProperty("overdue").GetBoolean() && d.GetProperty("kind").GetString() != "Reminder")
            .Select(d => d.GetProperty("id").GetString()!)
            .Order()
            .ToList();
        var board = await BoardAsync(reader, items => items.Count > 0);

        Assert.NotEmpty(overdue);
        Assert.Equal(overdue, board.Where(d => d.DossierId == "SUB-2022-0001" && d.Overdue).Select(d => d.DeadlineId).Order());
        Assert.DoesNotContain(board, d => d.Kind == "Reminder");
        var register = dossier.GetProperty("register").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        // Nothing has fired: the board comes from the index alone.
        Assert.Empty(register.Intersect([nameof(DossierEvent.ReportOverdue), nameof(DossierEvent.ReminderDue), nameof(DossierEvent.ReminderSkipped), nameof(DossierEvent.ConventionEnded)]));
    }

    /// <summary>The board once the outbox of the demo's commands is carried out (the server does it at once, in the background).</summary>
    private static async Task<List<UpcomingDeadline>> BoardAsync(HttpClient client, Func<List<UpcomingDeadline>, bool> reached)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<UpcomingDeadline> items;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/deadlines");
            items = page.GetProperty("items").Deserialize<List<UpcomingDeadline>>(DomainJson.Options)!;
            if (reached(items))
            {
                return items;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);

        return items;
    }
}
