using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The custom status of a dossier's clock, in the domain's words: the stage, the step the process waits for, and the
/// next deadline the clock sleeps until (<paramref name="DueAt"/>: the instant its timer is set for). Recorded in the
/// orchestration's history, so it holds no personal data. The dossier page and the operations page show
/// <paramref name="Text"/>.
/// </summary>
public sealed record ClockStatus(
    string Stage, string StageLabel, string Awaiting, string? DeadlineId, DateOnly? DeadlineDay, string? DeadlineLabel, DateTimeOffset? DueAt, string Text)
{
    /// <summary>After an activity failed for good: the clock waits and plans again.</summary>
    public static ClockStatus BackingOff(DateTime retryAtUtc) =>
        new("", "", "", null, null, null, new DateTimeOffset(retryAtUtc, TimeSpan.Zero), $"incident de stockage, nouvelle tentative à {retryAtUtc:HH:mm} UTC");

    public static ClockStatus Of(Dossier state, ClockStep step)
    {
        var awaiting = Awaited(state);
        var stage = state.Stage.ToString();
        var label = StageLabels.Of(state.Stage);
        return step switch
        {
            ClockStep.WaitUntil wait => new(stage, label, awaiting, wait.Deadline.Id, wait.Deadline.Day, DeadlineLabels.Of(wait.Deadline), wait.Deadline.DueAt,
                $"en attente {awaiting}, minuterie le {FrenchDates.Short(wait.Deadline.Day)} à 24 h ({DeadlineLabels.Of(wait.Deadline)})"),
            ClockStep.WaitForChange => new(stage, label, awaiting, null, null, null, null, $"en attente {awaiting}, sans minuterie"),
            _ => new(stage, label, "", null, null, null, null, "dossier terminé"),
        };
    }

    /// <summary>The next step of the process at each stage, as "en attente …" completes it.</summary>
    private static string Awaited(Dossier state) => state.Stage switch
    {
        DossierStage.Submitted => "du vote",
        DossierStage.Adopted => "de la transmission au contrôle de légalité",
        DossierStage.Transmitted => "de l'accusé de réception de la préfecture",
        DossierStage.Enforceable => state.Request?.Convention.HasConvention == true ? "de la signature de la convention" : "de la notification",
        DossierStage.Signed => "de la notification",
        DossierStage.Notified => "de la demande de paiement",
        DossierStage.PaymentRequested => "du paiement",
        DossierStage.ReportReceived => "de l'acceptation du compte rendu financier",
        DossierStage.FormalNotice => "de la réponse à la mise en demeure",
        DossierStage.Suspended => "de la décision du tribunal administratif",
        _ => "d'une modification du dossier",
    };
}
