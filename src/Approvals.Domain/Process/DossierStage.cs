namespace Approvals.Domain;

/// <summary>Where a dossier stands in the process. The last six are ends: nothing but documents can follow.</summary>
public enum DossierStage
{
    /// <summary>No request yet: the state before the first event.</summary>
    None,
    Submitted,
    Adopted,
    Transmitted,
    Enforceable,
    Signed,
    Notified,
    PaymentRequested,
    ReportReceived,

    /// <summary>A formal notice (mise en demeure) runs; the dossier returns to its previous stage if it is lifted.</summary>
    FormalNotice,

    /// <summary>The judge suspended the act (a referral alone does not): the dossier stops until the suspension is lifted or the court decides.</summary>
    Suspended,
    Closed,
    RecoveryOrdered,
    Rejected,
    Withdrawn,
    Lapsed,
    Terminated,
    Annulled,
}
