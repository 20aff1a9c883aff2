namespace Approvals.Domain;

/// <summary>
/// The act received at the prefecture (its ACTES acknowledgment) and the legality control that follows: letters,
/// the authority's answers, a referral to the court. Exists from the acknowledgment on.
/// </summary>
public sealed record PrefectureReceipt(ActesId ActesId, DateOnly ReceivedOn)
{
    public IReadOnlyList<DossierEvent.PrefectureLetterReceived> Letters { get; init; } = [];

    public bool AwaitingAdditionalDocuments { get; init; }

    public IReadOnlyList<DossierEvent.AdditionalDocumentsSent> AdditionalDocuments { get; init; } = [];

    /// <summary>The authority's answers to letters of observations (recours gracieux), as the prefecture received them.</summary>
    public IReadOnlyList<DossierEvent.ObservationsAnswered> ObservationsAnswers { get; init; } = [];

    /// <summary>The prefect's referral to the administrative court (déféré), once lodged.</summary>
    public CourtReferral? Referral { get; init; }

    /// <summary>The first day on which the act could no longer be referred: the prefect's window closed without a referral.</summary>
    public DateOnly? SafeFromReferralSince { get; init; }
}
