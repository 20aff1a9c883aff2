namespace Approvals.Domain;

/// <summary>The kinds of documents a dossier keeps for ten years.</summary>
public enum DocumentKind
{
    Statutes,
    BankDetails,
    Budget,
    SignedRequest,
    Deliberation,
    Convention,
    SignedConvention,
    PaymentRequest,
    FinancialReport,
    ActivityReport,
    PrefectureLetter,
    Other,

    /// <summary>The association's last approved accounts, which the request (CERFA n°12156) asks for.</summary>
    ApprovedAccounts,
}
