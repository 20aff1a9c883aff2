using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Domain;
using Approvals.Testing;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

/// <summary>
/// Issue point 1: the server as its own process, 300 dossiers driven by 8 concurrent clients, killed with SIGKILL
/// three times at random moments and restarted on the same port and storage. Real time: the server runs on the
/// system clock, so the dates are taken back from today; half the dossiers were notified long enough ago that a
/// reminder is already due, which the clock must fire after a restart.
/// </summary>
public sealed class CrashUnderLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Dossiers = 150;
    private const int Clients = 8;
    private const int Kills = 3;

    /// <summary>The event each command records; e-mail templates by event (MailPolicy's keys).</summary>
    private static readonly IReadOnlyDictionary<string, string> EventOf = new Dictionary<string, string>
    {
        ["Create"] = "RequestSubmitted",
        ["RecordVote"] = "VoteRecorded",
        ["RecordTransmission"] = "TransmissionRecorded",
        ["AcknowledgeReceipt"] = "ReceiptAcknowledged",
        ["SignConvention"] = "ConventionSigned",
        ["Notify"] = "Notified",
        ["RequestPayment"] = "PaymentRequested",
    };

    private static readonly IReadOnlyDictionary<string, string> MailTemplateOf = new Dictionary<string, string>
    {
        ["ConventionSigned"] = "approval",
        ["Notified"] = "notification",
        ["PaymentRequested"] = "payment-request",
        ["ReminderDue"] = "reminder",
    };

    private readonly ConcurrentBag<(string DossierId, string Command)> acknowledged = [];
    private readonly ConcurrentBag<string> refused = [];
    private AzuriteInstance azurite = null!;
    private SendGridCaptureServer mail = null!;
    private ServerProcess server = null!;
    private int answered;
    private int connectionRetries;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteInstance.StartNewAsync();
        mail = await SendGridCaptureServer.StartAsync();
        server = new ServerProcess(FreePorts.Pick(1)[0], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Storage__RequestTimeout"] = "00:00:05",
            ["Mail__SendGridApiKey"] = "SG.test-key",
            ["Mail__SendGridHost"] = mail.BaseUrl,
            ["Mail__BaseDelay"] = "00:00:00.100",
            ["Mail__FinanceRecipients__0"] = "finances@collectivite.example.fr",
            ["Outbox__SweepInterval"] = "00:00:01",
            // What a killed process had leased is taken over by the sweep once the lease ends: short here, to wait less.
            ["Outbox__Lease"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Killed_three_times_under_load_it_loses_no_decision_no_mail_and_no_deadline()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var today = FrenchCalendar.ParisDate(DateTimeOffset.UtcNow);
        var total = Enumerable.Range(0, Dossiers).Sum(i => Walk(i, today).Count);
        var killAt = Enumerable.Range(0, Kills).Select(k => (int)(total * (0.15 + 0.25 * k + random.NextDouble() * 0.15))).ToList();
        var started = Stopwatch.StartNew();
        var firstStart = await server.StartAsync();

        var next = -1;
        var load = Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var session = new Session(server.BaseAddress, $"client-{client}");
            for (var i = Interlocked.Increment(ref next); i < Dossiers; i = Interlocked.Increment(ref next))
            {
                await DriveAsync(session, i, seed, today);
            }
        })));

        var restarts = new List<(int AtAnswer, TimeSpan Restart)>();
        foreach (var at in killAt)
        {
            while (Volatile.Read(ref answered) < at && !load.IsCompleted)
            {
                await Task.Delay(10);
            }

            Assert.False(load.IsCompleted, $"the load ended before kill {restarts.Count + 1} (at {at} answers of {total})");
            var answeredAtKill = Volatile.Read(ref answered);
            await server.KillAsync();
            restarts.Add((answeredAtKill, await server.StartAsync()));
        }

        await load;
        var loadTime = started.Elapsed;

        Assert.True(refused.IsEmpty, $"commands refused: {string.Join(" | ", refused.Take(10))}");
        using var reader = await Session.SignedInAsync(server.BaseAddress, "Reader", "Lecteur");
        // The clock catches up after the last restart: wait until no live deadline of any dossier is overdue.
        var ids = acknowledged.Select(a => a.DossierId).Distinct().ToList();
        var clockWait = Stopwatch.StartNew();
        Dictionary<string, JsonElement> views;
        List<string> overdue;
        do
        {
            views = await ReadViewsAsync(reader, ids);
            overdue = views.SelectMany(v => v.Value.GetProperty("deadlines").EnumerateArray()
                    .Where(d => d.GetProperty("dueAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddSeconds(-5))
                    .Select(d => $"{v.Key}/{d.GetProperty("id").GetString()}"))
                .ToList();
        }
        while (overdue.Count > 0 && clockWait.Elapsed < TimeSpan.FromSeconds(300));

        Assert.True(overdue.Count == 0, $"deadlines overdue and not fired by the clock: {string.Join(", ", overdue.Take(10))}");
        var clockCatchUp = clockWait.Elapsed;

        // Every acknowledged command is in its register exactly once; no register has a duplicate or a gap.
        Assert.Equal(Dossiers, views.Count);
        var events = 0;
        foreach (var (id, view) in views)
        {
            var register = view.GetProperty("register").EnumerateArray().ToList();
            events += register.Count;
            Assert.Equal(Enumerable.Range(1, register.Count).Select(n => (long)n), register.Select(e => e.GetProperty("sequence").GetInt64()));
            Assert.Equal(view.GetProperty("version").GetInt64(), register.Count);
            var types = register.Select(e => e.GetProperty("type").GetString()!).ToList();
            foreach (var command in acknowledged.Where(a => a.DossierId == id).Select(a => a.Command))
            {
                Assert.True(types.Count(t => t == EventOf[command]) == 1, $"{id}: {command} → {EventOf[command]} in [{string.Join(", ", types)}]");
            }

            Assert.All(types.Where(t => t != "ReminderDue" && t != "DocumentAttached").GroupBy(t => t), g => Assert.True(g.Count() == 1, $"{id}: {g.Key} × {g.Count()}"));
            var verify = await (await reader.GetAsync($"/api/dossiers/{id}/register/verify")).JsonAsync();
            Assert.True(verify.GetProperty("valid").GetBoolean(), $"{id}: {verify}");
        }

        Assert.Equal(total, acknowledged.Count);

        // Every e-mail the registers call for reached the capture server at least once.
        var expectedMails = views.SelectMany(v => v.Value.GetProperty("register").EnumerateArray()
                .Where(e => MailTemplateOf.ContainsKey(e.GetProperty("type").GetString()!))
                .Select(e => $"{v.Key}:{e.GetProperty("sequence").GetInt64()}:{MailTemplateOf[e.GetProperty("type").GetString()!]}"))
            .ToHashSet();
        var mailWait = Stopwatch.StartNew();
        var missingMails = await EventuallyAsync(() => expectedMails.Except(MailKeys()).ToList(), TimeSpan.FromSeconds(90));
        Assert.True(missingMails.Count == 0, $"{missingMails.Count} e-mails never sent, e.g. {string.Join(", ", missingMails.Take(5))}");
        var mailCatchUp = mailWait.Elapsed;
        var reminders = views.Values.Sum(v => v.RegisterTypes().Count(t => t == "ReminderDue"));
        Assert.True(reminders >= Dossiers / 2, $"the clock fired {reminders} reminders; the {Dossiers / 2} dossiers notified 45 days ago each have one due");

        // Every live deadline (the dossier view's, from its current state) is in the index.
        var missingDeadlines = await EventuallyAsync(async () =>
        {
            // The board is paged: read it page by page.
            var index = new HashSet<string>();
            for (var skip = 0; ; skip += 1000)
            {
                var page = await (await reader.GetAsync($"/api/deadlines?days=366&skip={skip}&take=1000")).JsonAsync();
                index.UnionWith(page.GetProperty("items").EnumerateArray().Select(d => $"{d.GetProperty("dossierId").GetString()}/{d.GetProperty("deadlineId").GetString()}"));
                if (!page.GetProperty("hasMore").GetBoolean())
                {
                    break;
                }
            }

            var live = new List<string>();
            foreach (var id in views.Keys)
            {
                var view = await (await reader.GetAsync($"/api/dossiers/{id}")).JsonAsync();
                live.AddRange(view.GetProperty("deadlines").EnumerateArray().Select(d => $"{id}/{d.GetProperty("id").GetString()}"));
            }

            return (Live: live.Count, Missing: live.Except(index).ToList());
        }, TimeSpan.FromSeconds(60));
        Assert.True(missingDeadlines.Missing.Count == 0, $"deadlines missing from the index: {string.Join(", ", missingDeadlines.Missing.Take(10))}");

        var captured = mail.Requests.Select(r => r.CustomArgs.GetValueOrDefault("approvalsKey")).OfType<string>().ToList();
        output.WriteLine($"seed {seed}; {Dossiers} dossiers, {Clients} clients, {total} commands, all 2xx; {events} events in the registers");
        output.WriteLine($"first start {firstStart.TotalSeconds:F1} s; kills after {string.Join(", ", restarts.Select(r => $"{r.AtAnswer}"))} answers; restarts in {string.Join(", ", restarts.Select(r => $"{r.Restart.TotalSeconds:F1} s"))}");
        output.WriteLine($"requests retried after a connection error: {connectionRetries}; load {loadTime.TotalSeconds:F1} s ({total / loadTime.TotalSeconds:F0} commands/s)");
        output.WriteLine($"e-mails expected {expectedMails.Count} (of which {reminders} reminders fired by the clock), received {captured.Count} ({captured.Count - captured.Distinct().Count()} duplicates), clock caught up {clockCatchUp.TotalSeconds:F1} s after the load, all e-mails received {mailCatchUp.TotalSeconds:F1} s after that");
        output.WriteLine($"live deadlines {missingDeadlines.Live}, all in the index");
    }

    /// <summary>
    /// The commands of dossier <paramref name="i"/>: even dossiers go up to a payment request notified three days ago;
    /// odd ones stop at a notification 45 days ago, whose 30-day reminder is already due.
    /// </summary>
    private static List<(string Command, string Role, string Route, JsonObject Body)> Walk(int i, DateOnly today)
    {
        var recent = i % 2 == 0;
        var back = recent ? 0 : 60;
        var session = today.AddDays(-20 - back);
        var walk = new List<(string, string, string, JsonObject)>
        {
            ("Create", "CaseOfficer", "", Bodies.Request(today.AddDays(-30 - back), $"Association n°{i}")),
            ("RecordVote", "Secretariat", "vote", Bodies.Vote(session)),
            ("RecordTransmission", "Secretariat", "transmission", Bodies.Transmission(session.AddDays(1))),
            ("AcknowledgeReceipt", "Secretariat", "acknowledgment", Bodies.Acknowledgment(session, session.AddDays(2))),
            ("SignConvention", "CaseOfficer", "signature", Bodies.Signature(session.AddDays(5))),
            ("Notify", "CaseOfficer", "notification", Bodies.Notification(recent ? today.AddDays(-3) : today.AddDays(-45))),
        };
        if (recent)
        {
            walk.Add(("RequestPayment", "Finance", "payment-requests", Bodies.PaymentRequest(today.AddDays(-1))));
        }

        return walk;
    }

    private async Task DriveAsync(Session session, int i, int seed, DateOnly today)
    {
        string? id = null;
        foreach (var (command, role, route, body) in Walk(i, today))
        {
            var url = id is null ? "/api/dossiers" : $"/api/dossiers/{id}/{route}";
            var (status, answer) = await session.SendUntilAnsweredAsync(role, url, body, $"{seed}-{i}-{command}", () => Interlocked.Increment(ref connectionRetries));
            Interlocked.Increment(ref answered);
            if (status is < 200 or > 299)
            {
                refused.Add($"{id ?? $"#{i}"} {command}: {status} {answer}");
                return;
            }

            id ??= JsonDocument.Parse(answer).RootElement.GetProperty("dossierId").GetString()!;
            acknowledged.Add((id, command));
        }
    }

    private static async Task<Dictionary<string, JsonElement>> ReadViewsAsync(HttpClient reader, IReadOnlyList<string> ids)
    {
        var views = new Dictionary<string, JsonElement>();
        foreach (var id in ids)
        {
            using var answer = await reader.GetAsync($"/api/dossiers/{id}");
            // A refused read says so here, rather than as a missing property of a problem body further on.
            Assert.True(answer.IsSuccessStatusCode, $"reading {id} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            views[id] = (await answer.JsonAsync()).Clone();
        }

        return views;
    }

    private IEnumerable<string> MailKeys() =>
        mail.Requests.Where(r => r.AnsweredStatus is >= 200 and < 300).Select(r => r.CustomArgs.GetValueOrDefault("approvalsKey")).OfType<string>();

    private static async Task<List<string>> EventuallyAsync(Func<List<string>> missing, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var left = missing();
            if (left.Count == 0 || watch.Elapsed > timeout)
            {
                return left;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<(int Live, List<string> Missing)> EventuallyAsync(Func<Task<(int Live, List<string> Missing)>> check, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var result = await check();
            if (result.Missing.Count == 0 || watch.Elapsed > timeout)
            {
                return result;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>One client: a signed-in HTTP client per role, re-signing in when the server forgot the cookie.</summary>
    private sealed class Session(Uri baseAddress, string name)
    {
        private readonly Dictionary<string, HttpClient> clients = [];

        public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string role, string name)
        {
            var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = baseAddress,
                Timeout = TimeSpan.FromSeconds(20),
            };
            client.DefaultRequestHeaders.Add(Approvals.Api.RequestOrigin.Header, "1");
            var response = await client.PostAsync("/dev/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["role"] = role }));
            return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"sign-in: {(int)response.StatusCode}");
        }

        /// <summary>
        /// Sends until the server answers: a connection error (the server was killed) or a timeout is retried under
        /// the same <c>Idempotency-Key</c>; so is a 401 after a restart, after signing in again, and a 503 (storage too
        /// slow under the load), which tells the client to send it again under the same key.
        /// </summary>
        public async Task<(int Status, string Body)> SendUntilAnsweredAsync(string role, string url, JsonObject body, string key, Action onRetry)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (!clients.TryGetValue(role, out var client))
                    {
                        client = clients[role] = await SignedInAsync(baseAddress, role, $"{name} ({role})");
                    }

                    var response = await client.PostJsonAsync(url, body.DeepClone(), key);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        clients.Remove(role);
                        continue;
                    }

                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 600)
                    {
                        onRetry();
                        await Task.Delay(500);
                        continue;
                    }

                    return ((int)response.StatusCode, text);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && attempt < 600)
                {
                    onRetry();
                    clients.Remove(role);
                    await Task.Delay(100);
                }
            }
        }
    }
}
