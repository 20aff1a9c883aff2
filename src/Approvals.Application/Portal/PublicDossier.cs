using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// A dossier as its beneficiary sees it on the portal (docs/portal.md says what is public and why): its stage, what
/// happened and what is due, in the beneficiary's words. Never the vote's names or tally, the budget line or credits,
/// the prefecture's letters, the case officer's address, recovery or termination grounds, or the register's actors.
/// </summary>
public sealed record PublicDossier(
    string DossierId,
    string Number,
    string Title,
    string BeneficiaryName,
    string Stage,
    decimal AmountRequested,
    decimal? AmountGranted,
    IReadOnlyList<PublicDossier.Step> Steps,
    IReadOnlyList<PublicDossier.Due> Deadlines,
    IReadOnlyList<PublicDossier.Document> Documents,
    IReadOnlyList<string> MissingDocuments,
    bool CanRequestPayment,
    PublicDossier.DocumentsRequest? PendingDocumentsRequest = null,
    DateOnly? ImplicitRejectionDay = null)
{
    /// <summary>
    /// The case officer's request for documents waiting for the beneficiary's answer: what is asked (by kind, to upload,
    /// and in words), the message, and what is still missing since the request.
    /// </summary>
    public sealed record DocumentsRequest(DateOnly RequestedOn, IReadOnlyList<DocumentKind> Kinds, IReadOnlyList<string> Documents, string Message, IReadOnlyList<string> StillMissing);

    public sealed record Step(DateOnly On, string Text);

    public sealed record Due(DateOnly LastDay, string Text);

    public sealed record Document(string DocumentId, DocumentKind Kind, string FileName, DateTimeOffset At);

    public static PublicDossier Of(string dossierId, Dossier state)
    {
        var request = state.Request ?? throw new InvalidOperationException($"Dossier {dossierId} has no request.");
        var steps = new List<Step>();
        if (state.SubmittedAt is { } submitted)
        {
            steps.Add(new(FrenchCalendar.ParisDate(submitted), "Demande reçue ; un accusé de réception vous a été envoyé."));
        }

        if (state.Vote is { } vote)
        {
            steps.Add(new(vote.SessionDate, state.AmountVoted > 0
                ? $"L'assemblée a accordé une subvention de {Money.Format(state.AmountVoted)}."
                : "L'assemblée n'a pas accordé la subvention."));
        }

        if (state.EnforceableOn is { } enforceable)
        {
            steps.Add(new(enforceable, "La décision est exécutoire."));
        }

        if (state.Signature is { } signature)
        {
            steps.Add(new(signature.BeneficiarySignedOn > signature.AuthoritySignedOn ? signature.BeneficiarySignedOn : signature.AuthoritySignedOn,
                "La convention est signée par les deux parties."));
        }

        if (state.Notification?.NotifiedOn is { } notified)
        {
            steps.Add(new(notified, "La convention signée vous a été notifiée."));
        }

        if (state.DocumentsRequest is { } asked)
        {
            steps.Add(new(asked.RequestedOn, "Le service instructeur vous a demandé des pièces : le délai de décision est suspendu jusqu'à leur réception."));
        }

        if (state.DocumentsAnswer is { } answered)
        {
            steps.Add(new(answered.ReceivedOn, "Pièces demandées reçues : le délai de décision court à nouveau."));
        }

        steps.AddRange(state.Payments.Requests.Select(p => new Step(p.ReceivedOn, $"Demande de paiement de {Money.Format(p.Amount)} reçue.")));
        steps.AddRange(state.Payments.Recorded.Select(p => new Step(p.PaidOn, $"Versement de {Money.Format(p.Amount)} effectué.")));
        if (state.Report?.ReceivedOn is { } report)
        {
            steps.Add(new(report, "Compte rendu financier reçu."));
        }

        if (state.EndedOn is { } ended)
        {
            steps.Add(new(ended, Ending(state.Stage)));
        }

        var deadlines = Workflow.Deadlines(state)
            .Where(d => d.Kind is DeadlineKind.PaymentWindow or DeadlineKind.ReportDue)
            .Select(d => new Due(d.Day, d.Kind == DeadlineKind.PaymentWindow
                ? "Dernier jour pour demander le paiement de la subvention ; passé ce jour, elle devient caduque."
                : "Dernier jour pour envoyer le compte rendu financier et le rapport d'activité."))
            .OrderBy(d => d.LastDay)
            .ToList();
        return new PublicDossier(
            dossierId,
            state.Number!.ToString(),
            request.Object,
            request.Beneficiary.Name,
            StageWords(state.Stage),
            request.AmountRequested,
            state.Vote is null ? null : state.AmountVoted,
            steps.OrderBy(s => s.On).ToList(),
            deadlines,
            state.Documents.Select(d => new Document(d.DocumentId, d.Kind, d.FileName, d.At)).ToList(),
            PortalDocuments.Missing(state).Select(PortalDocuments.Label).ToList(),
            state.Stage is DossierStage.Notified or DossierStage.PaymentRequested,
            state.DocumentsRequest is { } pending
                ? new DocumentsRequest(pending.RequestedOn, pending.Documents, pending.Documents.Select(DocumentLabels.Of).ToList(), pending.Message,
                    DocumentsRequests.Missing(state, pending).Select(DocumentLabels.Of).ToList())
                : null,
            ImplicitDecision.RejectionDay(state));
    }

    /// <summary>The stage in the beneficiary's words: what it means for them, not the procedure's name.</summary>
    public static string StageWords(DossierStage stage) => stage switch
    {
        DossierStage.Submitted => "Demande reçue, en cours d'instruction",
        DossierStage.Adopted or DossierStage.Transmitted or DossierStage.Enforceable => "Subvention accordée, convention en préparation",
        DossierStage.Signed => "Convention signée, en attente de notification",
        DossierStage.Notified => "Convention notifiée : vous pouvez demander le paiement",
        DossierStage.PaymentRequested => "Paiement demandé",
        DossierStage.ReportReceived => "Compte rendu reçu, en cours d'examen",
        DossierStage.FormalNotice => "Mise en demeure en cours : voir le courrier reçu",
        DossierStage.Suspended => "Décision suspendue par le juge",
        _ => Ending(stage),
    };

    private static string Ending(DossierStage stage) => stage switch
    {
        DossierStage.Closed => "Dossier soldé.",
        DossierStage.RecoveryOrdered => "Un reversement vous a été demandé : voir le courrier reçu.",
        DossierStage.Rejected => "La subvention n'a pas été accordée.",
        DossierStage.Withdrawn => "La demande a été retirée.",
        DossierStage.Lapsed => "La subvention est caduque : le paiement n'a pas été demandé à temps.",
        DossierStage.Terminated => "La convention a été résiliée : voir le courrier reçu.",
        DossierStage.Annulled => "La décision a été annulée par le juge.",
        _ => StageLabels.Of(stage),
    };
}
