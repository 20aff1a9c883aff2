namespace Approvals.Domain;

using static DossierCommand;
using static DossierEvent;
using Events = IReadOnlyList<DossierEvent>;

/// <summary>
/// The case officer's request for missing documents and the applicant's answer (CRPA art. L114-5, in its version in
/// force since 1 January 2016, created by ordonnance n°2015-1341 and unchanged since: when a request is incomplete, the
/// administration tells the applicant what is missing and by when; the period after which silence is an implicit
/// decision runs only from the receipt of the missing documents). Both are recorded in the register with who and when.
/// </summary>
public static class DocumentsRequests
{
    internal static Result<Events> Request(Dossier state, RequestDocuments c, DateTimeOffset now)
    {
        if (state.DocumentsRequest is not null)
        {
            return Refusal.WrongStage("documents.request-pending", "Une demande de pièces à la fois",
                "Une demande de pièces attend déjà la réponse du demandeur.");
        }

        var documents = (c.Documents ?? []).Distinct().ToList();
        return Checks(
            [
                documents.Count == 0
                    ? Refusal.Invalid("documents.none", "documents", "Pièces demandées", "Indiquez au moins une pièce à demander.")
                    : null,
                documents.Any(d => !Enum.IsDefined(d))
                    ? Refusal.Invalid("documents.kind", "documents", "Nature de pièce connue", "Une des pièces demandées n'est pas d'une nature connue.")
                    : null,
                Approvals.Domain.Checks.Text(c.Message, "message", 2000, "Le message au demandeur"),
            ],
            new DocumentsRequested(documents, c.Message.Trim(), FrenchCalendar.ParisDate(now)) { At = now });
    }

    /// <summary>The answer is accepted once every document asked for is attached since the request: otherwise 422 naming them.</summary>
    internal static Result<Events> Answer(Dossier state, AnswerDocumentsRequest c, DateTimeOffset now)
    {
        if (state.DocumentsRequest is not { } request)
        {
            return Refusal.WrongStage("documents.no-request", "Demande de pièces en attente", "Aucune demande de pièces n'attend de réponse.");
        }

        var missing = Missing(state, request);
        return Checks(
            [
                missing.Count > 0
                    ? Refusal.Invalid("documents.missing", "documents", "Toutes les pièces demandées",
                        "Il manque encore : " + string.Join(", ", missing.Select(DocumentLabels.Of)) + ".")
                    : null,
                string.IsNullOrWhiteSpace(c.Message) ? null : Approvals.Domain.Checks.Text(c.Message, "message", 2000, "Le message"),
            ],
            new DocumentsRequestAnswered((c.Message ?? "").Trim(), FrenchCalendar.ParisDate(now)) { At = now });
    }

    /// <summary>The documents asked for and not attached since the request.</summary>
    public static IReadOnlyList<DocumentKind> Missing(Dossier state, DocumentsRequested request) =>
        request.Documents.Where(kind => !state.Documents.Any(d => d.Kind == kind && d.At >= request.At)).ToList();

    private static Result<Events> Checks(IEnumerable<Refusal?> checks, DossierEvent @event)
    {
        var refusals = checks.OfType<Refusal>().ToList();
        return refusals.Count > 0 ? Result<Events>.Refused(refusals) : Result<Events>.Ok([@event]);
    }
}
