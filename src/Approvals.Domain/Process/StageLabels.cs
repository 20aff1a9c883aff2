namespace Approvals.Domain;

/// <summary>The French names of the stages, as agents say them.</summary>
public static class StageLabels
{
    public static string Of(DossierStage stage) => stage switch
    {
        DossierStage.None => "aucune demande",
        DossierStage.Submitted => "demande déposée",
        DossierStage.Adopted => "adoptée par l'assemblée",
        DossierStage.Transmitted => "transmise en préfecture",
        DossierStage.Enforceable => "reçue en préfecture",
        DossierStage.Signed => "convention signée",
        DossierStage.Notified => "notifiée",
        DossierStage.PaymentRequested => "paiement demandé",
        DossierStage.ReportReceived => "compte rendu reçu",
        DossierStage.FormalNotice => "mise en demeure",
        DossierStage.Suspended => "suspendue par le juge",
        DossierStage.Closed => "soldée",
        DossierStage.RecoveryOrdered => "reversement ordonné",
        DossierStage.Rejected => "rejetée",
        DossierStage.Withdrawn => "retirée",
        DossierStage.Lapsed => "caduque",
        DossierStage.Terminated => "convention résiliée",
        DossierStage.Annulled => "annulée par le juge",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
