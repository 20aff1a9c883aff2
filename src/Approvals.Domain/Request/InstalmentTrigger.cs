namespace Approvals.Domain;

/// <summary>When an instalment of the grant becomes payable, as the convention says.</summary>
public enum InstalmentTrigger
{
    /// <summary>At the convention's signature (without a convention, at the decision's notification): seed 004, art. 3.</summary>
    AtSignature,

    /// <summary>When the beneficiary asks for it.</summary>
    OnPaymentRequest,

    /// <summary>When the final report (compte rendu financier) is received: the balance.</summary>
    OnFinalReport,

    /// <summary>On the actions' progress: asked for with a statement of progress (état d'avancement) in a payment request.</summary>
    OnProgress,
}
