using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Api;

/// <summary>Everything the dossier page shows, in one answer (see docs/api.md).</summary>
public sealed record DossierView(
    string DossierId,
    string Number,
    DossierStage Stage,
    string StageLabel,
    long Version,
    DateOnly Today,
    GrantRequest Request,
    DossierView.VoteView? Vote,
    DossierView.AmountsView Amounts,
    string? ActesId,
    DateOnly? AcknowledgedOn,
    DossierView.LegalityView Legality,
    DateOnly? NotifiedOn,
    DateOnly? PaymentWindowLastDay,
    Settlement? Settlement,
    DossierEvent.ConventionSigned? Signature,
    IReadOnlyList<DossierEvent.PrefectureLetterReceived> PrefectureLetters,
    IReadOnlyList<DossierEvent.PaymentRecorded> Payments,
    IReadOnlyList<ExpectedInstalment> Instalments,
    IReadOnlyList<DossierView.TimelineStep> Timeline,
    IReadOnlyList<DossierView.DeadlineView> Deadlines,
    IReadOnlyList<DossierView.ActionView> AllowedActions,
    IReadOnlyList<DossierView.DocumentView> Documents,
    IReadOnlyList<DossierView.RegisterView> Register,
    IReadOnlyList<DossierEvent.SessionWithoutQuorum> FailedSessions)
{
    /// <summary>The dossier's durable clock (runtime status, what it waits for, its next timer); null where the host runs no engine.</summary>
    public ClockView? Clock { get; init; }

    public static DossierView Of(CommandOutcome outcome, IReadOnlyList<RegisterEntry> register, DateTimeOffset now)
    {
        var s = outcome.State;
        return new DossierView(
            outcome.DossierId,
            s.Number!.ToString(),
            s.Stage,
            StageLabels.Of(s.Stage),
            outcome.Version,
            FrenchCalendar.ParisDate(now),
            s.Request!,
            s.Vote is { } v ? new VoteView(v.ReportNumber, v.Rapporteur, v.Assembly, v.SessionDate, v.Count, v.Count.Wording, v.Tally, v.AmountVoted, v.Officers, s.FailedSessions) : null,
            new AmountsView(s.Request!.AmountRequested, s.AmountVoted, s.CreditsCommitted, s.AmountPaid, s.AmountRecovered, Math.Round(s.GrantRate, 4)),
            s.Receipt?.ActesId?.ToString(),
            s.Receipt?.ReceivedOn,
            new LegalityView(
                LegalityControl.ReferralWindowLastDay(s), s.Receipt?.SafeFromReferralSince, s.EnforceableOn, s.PublishedOn,
                s.Receipt?.Referral?.Lodged, s.Receipt?.Referral?.Suspension, s.Receipt?.Referral?.Decision, s.Receipt?.AdditionalDocuments ?? [], s.Receipt?.ObservationsAnswers ?? []),
            s.Notification?.NotifiedOn,
            s.Notification?.PaymentWindowLastDay,
            s.Report?.Settlement,
            s.Signature,
            s.Receipt?.Letters ?? [],
            s.Payments.Recorded,
            PaymentSchedule.Of(s),
            TimelineOf(s),
            Workflow.Deadlines(s).Select(d => new DeadlineView(d.Id, d.Kind, d.Day, d.DueAt, DeadlineLabels.Of(d), d.DueAt <= now)).ToList(),
            Workflow.AllowedCommands(s)
                .Select(CommandRoutes.ByCommand)
                .OfType<CommandRoute>()
                .Select(r => new ActionView(r.Name, r.Segment, r.Label, r.Roles))
                .ToList(),
            s.Documents.Select(d => new DocumentView(d.DocumentId, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.At)).ToList(),
            register.Select(e => new RegisterView(e.Sequence, e.Type, EventSummaries.Of(DomainJson.DeserializeEvent(e.Type, e.Json)), e.Actor, e.RecordedAt, e.Hash, e.PreviousHash)).ToList(),
            s.FailedSessions);
    }

    /// <summary>The main path of the process with what is done and when; an end off the path is added last.</summary>
    private static List<TimelineStep> TimelineOf(Dossier s)
    {
        var hasConvention = s.Request!.Convention.HasConvention;
        var signedOn = s.Signature is { } sig ? (sig.AuthoritySignedOn > sig.BeneficiarySignedOn ? sig.AuthoritySignedOn : sig.BeneficiarySignedOn) : (DateOnly?)null;
        var steps = new List<(DossierStage Stage, DateOnly? On)>
        {
            (DossierStage.Submitted, s.Request.ReceivedOn),
            (DossierStage.Adopted, s.Vote?.Count.Outcome == VoteOutcome.Adopted ? s.Vote.SessionDate : null),
            (DossierStage.Transmitted, s.Transmission?.SentOn ?? (s.Receipt?.ReceivedOn is not null ? s.Receipt?.ReceivedOn : null)),
            (DossierStage.Enforceable, s.Receipt?.ReceivedOn),
        };
        if (hasConvention)
        {
            steps.Add((DossierStage.Signed, signedOn));
        }

        steps.Add((DossierStage.Notified, s.Notification?.NotifiedOn));
        steps.Add((DossierStage.PaymentRequested, s.Payments.Requests.Count > 0 ? s.Payments.Requests[0].ReceivedOn : null));
        steps.Add((DossierStage.ReportReceived, s.Report?.ReceivedOn));
        steps.Add((DossierStage.Closed, s.Stage == DossierStage.Closed ? s.EndedOn : null));
        var timeline = steps.Select(x => new TimelineStep(x.Stage, StageLabels.Of(x.Stage), x.On, x.On is not null, x.Stage == s.Stage)).ToList();
        if (s.Stage is not DossierStage.Closed && (s.IsEnded || s.Stage is DossierStage.FormalNotice or DossierStage.Suspended))
        {
            timeline.Add(new TimelineStep(s.Stage, StageLabels.Of(s.Stage), s.EndedOn ?? s.FormalNotice?.Sent.SentOn, true, true));
        }

        return timeline;
    }

    public sealed record VoteView(
        string ReportNumber, string Rapporteur, string Assembly, DateOnly SessionDate, VoteCount Count, string Wording, Tally Tally, decimal AmountVoted,
        SessionOfficers? Officers, IReadOnlyList<DossierEvent.SessionWithoutQuorum> FailedSessions);

    /// <summary>
    /// The legality control: the prefect's last day to refer the act (null before the receipt or while documents he
    /// asked for are awaited), the day it became safe from a referral, the day it became enforceable, and the referral,
    /// suspension and judgment if any.
    /// </summary>
    public sealed record LegalityView(
        DateOnly? ReferralWindowLastDay,
        DateOnly? SafeFromReferralSince,
        DateOnly? EnforceableOn,
        DateOnly? PublishedOn,
        DossierEvent.CourtReferralRecorded? Referral,
        DossierEvent.SuspensionOrdered? Suspension,
        DossierEvent.CourtDecisionRecorded? CourtDecision,
        IReadOnlyList<DossierEvent.AdditionalDocumentsSent> AdditionalDocuments,
        IReadOnlyList<DossierEvent.ObservationsAnswered> ObservationsAnswers);

    public sealed record AmountsView(decimal Requested, decimal Voted, decimal Committed, decimal Paid, decimal Recovered, decimal GrantRate);

    public sealed record TimelineStep(DossierStage Stage, string Label, DateOnly? On, bool Done, bool Current);

    public sealed record DeadlineView(string Id, DeadlineKind Kind, DateOnly Day, DateTimeOffset DueAt, string Label, bool Overdue);

    public sealed record ActionView(string Command, string Route, string Label, IReadOnlyList<Role> Roles);

    public sealed record DocumentView(string DocumentId, DocumentKind Kind, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At);

    public sealed record RegisterView(long Sequence, string Type, string Summary, string Actor, DateTimeOffset At, string Hash, string PreviousHash);
}
