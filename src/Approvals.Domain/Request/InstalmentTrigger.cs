namespace Approvals.Domain;

/// <summary>When an instalment of the grant becomes payable, as the convention says.</summary>
public enum InstalmentTrigger
{
    AtSignature,
    OnPaymentRequest,
    OnFinalReport,
}
