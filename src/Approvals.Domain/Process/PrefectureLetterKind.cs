namespace Approvals.Domain;

/// <summary>What the prefecture may write after the acknowledgment, in the legality control.</summary>
public enum PrefectureLetterKind
{
    Plain,

    /// <summary>Demande de pièces complémentaires: suspends the legality-control period until answered.</summary>
    AdditionalDocumentsRequest,

    /// <summary>Lettre d'observations.</summary>
    Observations,

    /// <summary>Déféré au tribunal administratif: the dossier stops until the court's decision.</summary>
    CourtReferral,
}
