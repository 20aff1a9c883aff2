using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Approvals.Reliability.Tests;

using static DossierCommand;

/// <summary>
/// Issue point 7: random sequences of API calls against the running server (real HTTP, Azurite, snapshots and
/// caches), compared at every step with the pure model — <see cref="Workflow.Decide"/> and <see cref="Workflow.Evolve"/>
/// on a state the test keeps itself. Each sequence is a new dossier; each step moves the fake clock forward a few
/// days and sends one command, mostly one the stage allows, sometimes any, with plausible and hostile data.
/// </summary>
public sealed class ModelBasedTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const int Steps = 15;

    private readonly ApprovalsServerHost host = fixture.Host;
    private readonly Dictionary<Role, HttpClient> clients = [];

    [Property(MaxTest = 30)]
    public Property Random_api_call_sequences_answer_as_the_pure_model_decides() =>
        Prop.ForAll(
            Arb.From(Gen.ArrayOf(Gen.Choose(0, 999_999), Steps), Shrink),
            choices => Task.Run(() => RunAsync(choices)).GetAwaiter().GetResult());

    /// <summary>Fewer steps first: drop one step at a time.</summary>
    private static IEnumerable<int[]> Shrink(int[] choices) =>
        Enumerable.Range(0, choices.Length).Select(skip => choices.Where((_, i) => i != skip).ToArray());

    private async Task<bool> RunAsync(int[] choices)
    {
        var day = FrenchCalendar.ParisDate(host.Time.GetUtcNow()).AddDays(1);
        Walks.MoveTo(host, Walks.Paris(day.Year, day.Month, day.Day, 12));
        var body = Bodies.Request(day, budgetYear: day.Year);
        var created = await Walks.OkAsync((await ClientAsync(Role.CaseOfficer)).PostJsonAsync("/api/dossiers", body));
        var id = created.GetProperty("dossierId").GetString()!;
        DossierNumber.TryParse(id, out var number);
        var policy = host.Service<ProcessOptions>().Policy;
        var model = Apply(Dossier.Empty, Workflow.Decide(Dossier.Empty, new SubmitRequest(number!, DomainJson.Deserialize<GrantRequest>(body.ToJsonString()), policy), host.Time.GetUtcNow()).Unwrap());
        var trace = new List<string> { $"{id} created on {day}" };

        foreach (var choice in choices)
        {
            day = day.AddDays(choice % 11 == 0 ? 40 : choice % 4);
            Walks.MoveTo(host, Walks.Paris(day.Year, day.Month, day.Day, 12));
            var now = host.Time.GetUtcNow();
            var command = Draw(model, choice, day);
            var route = CommandRoutes.ByCommand(command.GetType().Name)!;
            var expected = Workflow.Decide(model, command, now);
            var response = await (await ClientAsync(route.Roles[0])).PostJsonAsync($"/api/dossiers/{id}/{route.Segment}", Body(command));
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            trace.Add($"{day} {command} → {status}");
            var where = string.Join("\n", trace);

            if (!expected.IsOk)
            {
                var refusal = expected.Refusals[0];
                Assert.True(status == (refusal.Kind == RefusalKind.WrongStage ? 409 : 422), $"model refuses ({refusal.Code}), server {status}: {text}\n{where}");
                Assert.Equal(refusal.Code, JsonDocument.Parse(text).RootElement.ErrorCodes()[0]);
                var unchanged = await (await ClientAsync(Role.Reader)).GetAsync($"/api/dossiers/{id}");
                Assert.Equal(model.Version, (await unchanged.JsonAsync()).GetProperty("version").GetInt64());
                continue;
            }

            Assert.True(status == 200, $"model accepts, server {status}: {text}\n{where}");
            model = Apply(model, expected.Unwrap());
            var view = JsonDocument.Parse(text).RootElement;
            Assert.Equal(model.Stage.ToString(), view.GetProperty("stage").GetString());
            Assert.Equal(model.Version, view.GetProperty("version").GetInt64());
            Assert.Equal(model.Version, view.GetProperty("register").GetArrayLength());
            var amounts = view.GetProperty("amounts");
            Assert.Equal(model.AmountVoted, amounts.GetProperty("voted").GetDecimal());
            Assert.Equal(model.CreditsCommitted, amounts.GetProperty("committed").GetDecimal());
            Assert.Equal(model.AmountPaid, amounts.GetProperty("paid").GetDecimal());
            Assert.Equal(model.AmountRecovered, amounts.GetProperty("recovered").GetDecimal());
            Assert.Equal(Workflow.Deadlines(model).Select(d => $"{d.Id}@{Bodies.Day(d.Day)}"),
                view.GetProperty("deadlines").EnumerateArray().Select(d => $"{d.GetProperty("id").GetString()}@{d.GetProperty("day").GetString()}"));
            Assert.Equal(Workflow.AllowedCommands(model).Where(c => CommandRoutes.ByCommand(c) is not null),
                view.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetProperty("command").GetString()!));
        }

        output.WriteLine($"{id}: {choices.Length} steps, {model.Version - 1} events, final stage {model.Stage}; {string.Join(", ", trace.Skip(1).GroupBy(t => t[(t.LastIndexOf('→') + 2)..]).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}"))}");
        return true;
    }

    /// <summary>Guards the generator: walks of the pure model alone must reach most stages, or the property above proves little.</summary>
    [Fact]
    public void The_drawn_sequences_reach_the_stages_of_the_process()
    {
        var random = new Random(20220609);
        var reached = new HashSet<DossierStage>();
        for (var walk = 0; walk < 300; walk++)
        {
            var day = new DateOnly(2022, 5, 2);
            var now = Walks.Paris(2022, 5, 2, 12);
            var state = Apply(Dossier.Empty, Workflow.Decide(Dossier.Empty, new SubmitRequest(new DossierNumber(2022, walk + 1), DomainJson.Deserialize<GrantRequest>(Bodies.Request(day).ToJsonString()), ProcessPolicy.Default), now).Unwrap());
            for (var step = 0; step < Steps; step++)
            {
                var choice = random.Next(1_000_000);
                day = day.AddDays(choice % 11 == 0 ? 40 : choice % 4);
                var decided = Workflow.Decide(state, Draw(state, choice, day), Walks.Paris(day.Year, day.Month, day.Day, 12));
                state = decided.IsOk ? Apply(state, decided.Unwrap()) : state;
                reached.Add(state.Stage);
            }
        }

        DossierStage[] expected = [DossierStage.Adopted, DossierStage.Rejected, DossierStage.Transmitted, DossierStage.Enforceable, DossierStage.Signed,
            DossierStage.Notified, DossierStage.PaymentRequested, DossierStage.ReportReceived, DossierStage.Closed, DossierStage.RecoveryOrdered,
            DossierStage.Withdrawn, DossierStage.FormalNotice, DossierStage.Suspended];
        Assert.Empty(expected.Except(reached));
    }

    /// <summary>
    /// One command: six times in ten the first one on the main path that the model accepts (the candidates are in
    /// process order), three times one the stage allows, once any command at all; dates of acts on the day or up to two days back; amounts and
    /// tallies now and then hostile.
    /// </summary>
    private static DossierCommand Draw(Dossier state, int choice, DateOnly day)
    {
        var on = day.AddDays(-(choice / 7 % 3));
        var session = state.Vote?.SessionDate ?? on;
        decimal[] amounts = [4_500m, 9_000m, 3_000m, 9_000.005m, -1m, 20_000m];
        var amount = amounts[choice / 13 % amounts.Length];

        // The first three amounts are plausible: cut to what is left, so that payments happen; the others stay hostile.
        decimal Fit(decimal left) => choice / 13 % amounts.Length < 3 && left > 0 ? Math.Min(amount, left) : amount;
        var tally = (choice / 17 % 10) switch
        {
            0 => new Tally(1, 4, 0),
            1 => new Tally(5, 1, 0),
            _ => new Tally(5, 0, 0),
        };
        var attendance = new Attendance(5, ["Mme Anne VIGNOT", "M. Yves GUYEN", "M. Gilles ORY", "M. Frank LAIDIE"], ["M. Denis JACQUIN"],
            [new Proxy("M. Denis JACQUIN", "M. Frank LAIDIE")], []);
        DossierCommand[] candidates =
        [
            new RecordVote($"R-{choice % 100}", "Anne VIGNOT", "Bureau", on, attendance, tally, false, null, amount > 0 ? Math.Min(amount, 9_000m) : amount, Money.Maximum),
            new RecordTransmission(on, "S²LOW"),
            new AcknowledgeReceipt($"025-242500361-{session:yyyyMMdd}-B{choice % 1000}-DE", on),
            new SignConvention(on, "Anne VIGNOT", on, "Pascal VAIRAC"),
            new Notify(on),
            new RequestPayment(on, Fit(state.AmountVoted - state.Payments.AmountRequested)),
            new RecordPayment(on, Fit(state.Payments.AmountRequested - state.AmountPaid), $"MANDAT-{choice % 5}"),
            new ReceiveReport(on, (choice / 29 % 3) switch { 0 => 8_000m, 1 => 0m, _ => 15_790m }),
            new OrderRecovery(on, (RecoveryReason)(choice / 31 % 3), choice / 31 % 3 == 0 ? null : 1_000m),
            new AcceptReport(on),
            new RecordTransmissionFailure(on, "Erreur de la plateforme"),
            new RecordPrefectureLetter(on, (PrefectureLetterKind)(choice / 19 % 4), "Courrier de la préfecture"),
            new SendAdditionalDocuments(on),
            new RecordCourtReferral(on, choice / 23 % 2 == 0, "Déféré"),
            new RecordSuspensionOrder(on, "Suspension ordonnée"),
            new LiftSuspension(on, "Suspension levée"),
            new RecordCourtDecision(on, choice / 23 % 2 == 0, "Jugement"),
            new SendFormalNotice(on, "Actions non réalisées"),
            new LiftFormalNotice(on, "Actions reprises"),
            new Terminate(on),
            new Withdraw(on, "Projet abandonné"),
        ];
        // A withdrawal ends the dossier from almost any stage: drawn rarely, or the walks would seldom go far.
        candidates = [.. candidates.Where(c => c is not Withdraw || choice % 23 == 0)];
        var allowed = candidates.Where(c => Workflow.AllowedCommands(state).Contains(c.GetType().Name)).ToArray();
        return (choice % 10) switch
        {
            < 6 when allowed.Length > 0 => allowed.FirstOrDefault(c => Workflow.Decide(state, c, Walks.Paris(day.Year, day.Month, day.Day, 12)).IsOk) ?? allowed[0],
            < 9 when allowed.Length > 0 => allowed[choice / 10 % allowed.Length],
            _ => candidates[choice / 10 % candidates.Length],
        };
    }

    /// <summary>The command as the API takes it: its own fields, the vote without its credits and the beneficiary's other grants (the server reads them).</summary>
    private static JsonObject Body(DossierCommand command)
    {
        var body = JsonSerializer.SerializeToNode(command, command.GetType(), DomainJson.Options)!.AsObject();
        body.Remove("availableCredits");
        body.Remove("otherGrantsThisYear");
        return body;
    }

    private static Dossier Apply(Dossier state, IReadOnlyList<DossierEvent> events) => events.Aggregate(state, Workflow.Evolve);

    private async Task<HttpClient> ClientAsync(Role role)
    {
        if (!clients.TryGetValue(role, out var client))
        {
            client = clients[role] = await host.SignInAsync(role, $"Modèle {role}");
        }

        return client;
    }
}
