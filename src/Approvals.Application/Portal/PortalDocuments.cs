using Approvals.Domain;

namespace Approvals.Application;

/// <summary>The documents a portal request must carry (CERFA n°12156, "pièces à joindre"), with their names in French.</summary>
public static class PortalDocuments
{
    public static IReadOnlyList<DocumentKind> Required { get; } =
        [DocumentKind.Statutes, DocumentKind.BankDetails, DocumentKind.ApprovedAccounts, DocumentKind.ActivityReport];

    public static string Label(DocumentKind kind) => kind switch
    {
        DocumentKind.Statutes => "les statuts de l'association",
        DocumentKind.BankDetails => "le relevé d'identité bancaire (RIB)",
        DocumentKind.ApprovedAccounts => "les derniers comptes approuvés",
        DocumentKind.ActivityReport => "le dernier rapport d'activité",
        _ => kind.ToString(),
    };

    /// <summary>The required kinds not attached to <paramref name="dossier"/> yet.</summary>
    public static IReadOnlyList<DocumentKind> Missing(Dossier dossier) =>
        Required.Where(kind => dossier.Documents.All(d => d.Kind != kind)).ToList();
}
