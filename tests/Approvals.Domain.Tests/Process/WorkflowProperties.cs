using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approvals.Domain.Tests;

using static DossierCommand;

/// <summary>
/// Random walks through the process: at each step one command is drawn among plausible and hostile ones for the
/// current stage, dates move forward by random gaps, and the invariants are checked after every step.
/// </summary>
public class WorkflowProperties
{
    [Property(MaxTest = 300)]
    public Property Random_command_sequences_never_break_the_invariants() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(0, 1_000_000)).Select(l => l.ToArray())), choices => Walk(choices));

    /// <summary>Guards the generator itself: random walks must reach every stage, or the property above proves little.</summary>
    [Fact]
    public void Random_walks_reach_every_stage()
    {
        var random = new Random(20220609);
        var reached = new HashSet<DossierStage>();
        for (var i = 0; i < 2_000; i++)
        {
            reached.UnionWith(Walk(Enumerable.Range(0, 100).Select(_ => random.Next(1_000_000)).ToArray()));
        }

        Assert.Equal(Enum.GetValues<DossierStage>().Except([DossierStage.None]).Order(), reached.Except([DossierStage.None]).Order());
    }

    private static HashSet<DossierStage> Walk(int[] choices)
    {
        {
            var reached = new HashSet<DossierStage>();
            var state = Dossier.Empty;
            var events = new List<DossierEvent>();
            var day = new DateOnly(2022, 5, 2);
            foreach (var choice in choices.Take(100))
            {
                day = day.AddDays(choice % 10 == 0 ? 45 : choice % 9);
                var now = SeedDossier.At(day.Year, day.Month, day.Day, 12);
                var command = Draw(state, choice, day);
                var result = Workflow.Decide(state, command, now);
                if (!result.IsOk)
                {
                    Assert.Null(result.Value);
                    Assert.NotEmpty(result.Refusals);
                    continue;
                }

                var before = state;
                foreach (var e in result.Unwrap())
                {
                    events.Add(e);
                    state = Workflow.Evolve(state, e);
                }

                CheckInvariants(before, state, events);
                reached.Add(state.Stage);
            }

            return reached;
        }
    }

    private static void CheckInvariants(Dossier before, Dossier state, List<DossierEvent> events)
    {
        Assert.True(state.AmountPaid <= state.AmountVoted, "payments never exceed the voted amount");
        Assert.True(state.CreditsCommitted >= 0, "credits never go negative");
        Assert.True(state.AmountRecovered <= state.AmountPaid, "no recovery above what was paid");
        Assert.Equal(events.Count, state.Version);
        if (state.Stage >= DossierStage.Adopted && state.Stage <= DossierStage.ReportReceived)
        {
            Assert.Equal(VoteOutcome.Adopted, state.Vote?.Count.Outcome);
        }

        if (state.Stage >= DossierStage.Enforceable && state.Stage <= DossierStage.ReportReceived)
        {
            Assert.NotNull(state.Receipt?.ActesId);
        }

        if (state.Stage >= DossierStage.Notified && state.Stage <= DossierStage.ReportReceived)
        {
            Assert.NotNull(state.Notification?.NotifiedOn);
            Assert.True(state.Signature is not null || !state.Request!.Convention.HasConvention, "notified only once signed");
        }

        if (state.Stage == DossierStage.PaymentRequested)
        {
            Assert.NotEmpty(state.Payments.Requests);
        }

        foreach (var deadline in Workflow.Deadlines(state))
        {
            var opened = deadline.Kind == DeadlineKind.FormalNoticeExpiry ? state.FormalNotice!.Sent.SentOn
                : deadline.Id == DeadlineIds.ConventionEnd ? state.Signature!.AuthoritySignedOn
                : deadline.Kind == DeadlineKind.ReferralWindow ? state.Receipt!.ReceivedOn
                : state.Notification!.NotifiedOn;
            Assert.True(deadline.Day >= opened, $"{deadline.Id} ({deadline.Day}) before the act that opened it ({opened})");
        }

        if (before.IsEnded)
        {
            Assert.True(state.Stage == before.Stage || state.Stage == DossierStage.RecoveryOrdered, "an ended dossier stays ended");
        }
    }

    /// <summary>Mostly the next plausible command, sometimes a hostile or out-of-order one.</summary>
    private static DossierCommand Draw(Dossier state, int choice, DateOnly day)
    {
        var amount = (choice % 7) switch { 0 => 9_000m, 1 => 4_500.50m, 2 => -1m, 3 => 0.001m, 4 => 1_000m, 5 => 10_000m, _ => 2_000m };
        DossierCommand[] candidates =
        [
            SeedDossier.Submit with { Request = SeedDossier.Request with { ReceivedOn = day } },
            SeedDossier.Vote with { SessionDate = day, Tally = choice % 5 == 0 ? new Tally(10, 19, 0) : SeedDeliberation.Tally },
            SeedDossier.Vote with { SessionDate = day, AvailableCredits = choice % 10_000 },
            new RecordTransmission(day, "S²LOW"),
            new RecordTransmissionFailure(day, "Erreur"),
            new AcknowledgeReceipt(state.Vote is { } v ? $"025-242500361-{v.SessionDate:yyyyMMdd}-A1-DE" : SeedDossier.ActesId, day),
            new SignConvention(day, "Anne VIGNOT", day, "Pascal VAIRAC"),
            new Notify(day),
            new RequestPayment(day, amount),
            new RecordPayment(day, amount, $"M{choice % 13}"),
            new ReceiveReport(day, choice % 20_000),
            new AcceptReport(day),
            new OrderRecovery(day, (RecoveryReason)(choice % 6), choice % 3 == 0 ? null : amount),
            new SendFormalNotice(day, "Manquement"),
            new LiftFormalNotice(day, "Régularisé"),
            new Terminate(day),
            new Withdraw(day, "Abandon"),
            new RecordPrefectureLetter(day, (PrefectureLetterKind)(choice % 4), "Courrier"),
            new SendAdditionalDocuments(day),
            new RecordCourtDecision(day, choice % 2 == 0, "Jugement"),
            new RecordCourtReferral(day, choice % 2 == 0, "Déféré"),
            new RecordSuspensionOrder(day, "Suspension ordonnée"),
            new LiftSuspension(day, "Suspension levée"),
            new AnswerObservations(day, "Réponse"),
            new RecordPublication(day, "Site internet"),
            new TerminateForFalseDeclarations(day, "Budget falsifié"),
            new RecordSessionWithoutQuorum(day, "Bureau", 32, choice % 20, 0),
            new RecordRepublicanCommitment(day, "Pascal Vairac"),
            new DeadlineReached(Workflow.Deadlines(state).Select(d => d.Id).DefaultIfEmpty("none").ElementAt(choice % Math.Max(1, Workflow.Deadlines(state).Count))),
        ];
        // The legality-control and termination moves are drawn rarely, or the walks would seldom stay long enough in a stage to lapse.
        candidates = [.. candidates.Where(c => c is not (RecordCourtReferral or RecordSuspensionOrder or LiftSuspension or AnswerObservations
            or RecordPublication or TerminateForFalseDeclarations or RecordSessionWithoutQuorum or RecordRepublicanCommitment) || choice % 5 == 0)];
        var allowed = candidates.Where(c => Transitions.Allows(state.Stage, Transitions.NameOf(c))).ToList();
        return choice % 4 != 0 && allowed.Count > 0 ? allowed[choice / 4 % allowed.Count] : candidates[choice % candidates.Length];
    }
}
