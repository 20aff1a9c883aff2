namespace Approvals.Domain;

/// <summary>
/// When the authority's silence on a request becomes an implicit decision. A grant request has a financial character:
/// two months of silence are a rejection (CRPA art. L231-4, 3°). While documents asked for are missing the period does
/// not run; it runs from their receipt (CRPA art. L114-5, version in force since 1 January 2016, ordonnance
/// n°2015-1341). L114-5-1 (loi n°2018-727), which forbids suspending the instruction of a request for a right, does not
/// apply: a grant is not a right the applicant holds. The clock does not act on this day (the authority decides by its
/// vote); it is shown to the applicant and to the agents.
/// </summary>
public static class ImplicitDecision
{
    /// <summary>The day silence becomes a rejection; null before the request, once voted, and while documents are awaited.</summary>
    public static DateOnly? RejectionDay(Dossier state) =>
        state is { Stage: DossierStage.Submitted, Request: { } request, DocumentsRequest: null }
            ? FrenchCalendar.AddMonths(state.DocumentsAnswer is { } answer && answer.ReceivedOn > request.ReceivedOn ? answer.ReceivedOn : request.ReceivedOn, 2)
            : null;
}
