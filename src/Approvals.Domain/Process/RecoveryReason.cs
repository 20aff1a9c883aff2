namespace Approvals.Domain;

/// <summary>Why repayment (reversement) is ordered; the convention's article 7 lists them.</summary>
public enum RecoveryReason
{
    /// <summary>Real eligible costs fell short: the pro-rata settlement computes the amount.</summary>
    CostsShortfall,
    OtherUse,
    ActionsNotCarriedOut,
    ObligationsBreached,
    SupportingDocumentsMissing,
    ChangesNotNotified,
}
