namespace Approvals.Domain;

/// <summary>The French names of the kinds of documents, as a refusal or a letter names them.</summary>
public static class DocumentLabels
{
    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Statutes => "les statuts",
        DocumentKind.BankDetails => "le relevé d'identité bancaire (RIB)",
        DocumentKind.Budget => "le budget prévisionnel",
        DocumentKind.SignedRequest => "la demande signée",
        DocumentKind.Deliberation => "la délibération",
        DocumentKind.Convention => "la convention",
        DocumentKind.SignedConvention => "la convention signée",
        DocumentKind.PaymentRequest => "la demande de paiement",
        DocumentKind.FinancialReport => "le compte rendu financier",
        DocumentKind.ActivityReport => "le rapport d'activité",
        DocumentKind.PrefectureLetter => "le courrier de la préfecture",
        DocumentKind.ApprovedAccounts => "les derniers comptes approuvés",
        _ => "un autre document",
    };
}
