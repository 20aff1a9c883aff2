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

    /// <summary>A referral to the administrative court (déféré) stops the dossier until the court decides.</summary>
    Suspended,
    Closed,
    RecoveryOrdered,
    Rejected,
    Withdrawn,
    Lapsed,
    Terminated,
    Annulled,
}
