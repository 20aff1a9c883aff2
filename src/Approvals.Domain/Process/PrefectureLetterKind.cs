namespace Approvals.Domain;

/// <summary>What the prefecture may write after the acknowledgment, in the legality control.</summary>
public enum PrefectureLetterKind
{
    Plain,

    /// <summary>Demande de pièces complémentaires: the two-month window runs again from the documents' receipt.</summary>
    AdditionalDocumentsRequest,

    /// <summary>Lettre d'observations asking to withdraw or amend the act: a recours gracieux, which extends the window.</summary>
    Observations,

    /// <summary>Kept for registers written before referrals had their own command; a new referral is a <c>RecordCourtReferral</c>.</summary>
    CourtReferral,
}
