using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Api;

using static DossierEvent;

/// <summary>One French line per event of the register, as the dossier page lists them.</summary>
public static class EventSummaries
{
    public static string Of(DossierEvent @event) => @event switch
    {
        RequestSubmitted e => $"Demande {e.Number} déposée : {Money.Format(e.Request.AmountRequested)} demandés par {e.Request.Beneficiary.Name}",
        RepublicanCommitmentRecorded e => $"Contrat d'engagement républicain signé le {D(e.SignedOn)} par {e.Signatory}",
        SessionWithoutQuorum e => $"Séance du {D(e.SessionDate)} ({e.Assembly}) sans quorum : {e.Present} présents, {e.Quorum} requis — nouvelle convocation à trois jours au moins",
        VoteRecorded e => $"Vote du {D(e.SessionDate)} ({e.Assembly}) : {e.Count.Wording} — pour {e.Tally.For}, contre {e.Tally.Against}, abstention {e.Tally.Abstention}"
            + (e.Officers is { } o ? $" ; présidence : {o.President}{(o.PresidentTookPart ? "" : " (n'a pas pris part au vote)")}, secrétaire : {o.Secretary}" : ""),
        CreditsCommitted e => $"Crédits engagés : {Money.Format(e.Amount)} sur la ligne {e.BudgetLineCode} ({e.Year})",
        CreditsReleased e => $"Crédits libérés : {Money.Format(e.Amount)} ({e.Reason})",
        TransmissionRecorded e => $"Transmis en préfecture le {D(e.SentOn)} via {e.Platform}",
        TransmissionFailed e => $"Échec de transmission le {D(e.On)} : {e.Reason}",
        ReceiptAcknowledged e => $"Accusé de réception du {D(e.ReceivedOn)} — acte {e.ActesId} reçu en préfecture",
        PrefectureLetterReceived e => $"Courrier de la préfecture du {D(e.ReceivedOn)} ({LetterLabel(e.Kind)}) : {e.Summary}",
        AdditionalDocumentsSent e => $"Pièces complémentaires envoyées le {D(e.SentOn)}" + (e.ReceivedOn is { } r ? $", reçues en préfecture le {D(r)}" : ""),
        ObservationsAnswered e => $"Réponse aux observations du préfet reçue le {D(e.ReceivedOn)} : {e.Summary}",
        DecisionPublished e => $"Délibération publiée le {D(e.PublishedOn)} ({e.Medium})",
        CourtReferralRecorded e => $"Déféré au tribunal administratif du {D(e.LodgedOn)}{(e.SuspensionRequested ? ", avec demande de suspension" : "")} : {e.Summary} — l'acte reste exécutoire",
        SuspensionOrdered e => $"Suspension ordonnée par le juge le {D(e.OrderedOn)} : {e.Summary}",
        SuspensionLifted e => $"Suspension levée le {D(e.On)} : {e.Summary}",
        ReferralWindowClosed e => $"Délai de déféré expiré le {D(e.LastDay)} : l'acte ne peut plus être déféré",
        CourtDecisionRecorded e => $"Jugement du {D(e.DecidedOn)} : {(e.Annulled ? "annulation" : "rejet du déféré")} — {e.Summary}",
        ConventionSigned e => $"Convention signée par {e.AuthoritySignatory} le {D(e.AuthoritySignedOn)} et par {e.BeneficiarySignatory} le {D(e.BeneficiarySignedOn)}",
        Notified e => $"Notifiée le {D(e.NotifiedOn)} — demande de paiement jusqu'au {D(e.PaymentWindowLastDay)}",
        PaymentRequested e => $"Demande de paiement reçue le {D(e.ReceivedOn)} : {Money.Format(e.Amount)}",
        PaymentRecorded e => $"Paiement de {Money.Format(e.Amount)} le {D(e.PaidOn)} (mandat {e.Reference})",
        ReportReceived e => $"Compte rendu reçu le {D(e.ReceivedOn)} : dépenses réelles {Money.Format(e.Settlement.RealEligibleCosts)}, droit {Money.Format(e.Settlement.Entitled)}"
            + (e.Report is { } r ? $" — déposé sur le portail (CERFA n°15059 et {r.Activity.Indicators.Count} indicateur(s)), certifié par {r.Signatory}" : ""),
        ReportAccepted e => $"Compte rendu accepté le {D(e.AcceptedOn)} — dossier soldé",
        RecoveryOrdered e => $"Reversement de {Money.Format(e.Amount)} ordonné le {D(e.OrderedOn)}",
        FormalNoticeSent e => $"Mise en demeure du {D(e.SentOn)} ({e.Breach}) — préavis jusqu'au {D(e.ExpiresOn)}",
        FormalNoticeLifted e => $"Mise en demeure levée le {D(e.On)} : {e.Reason}",
        FormalNoticeExpired e => $"Préavis de la mise en demeure échu le {D(e.ExpiredOn)}",
        Terminated e => $"Convention résiliée le {D(e.TerminatedOn)}",
        TerminatedWithoutNotice e => $"Convention résiliée sans préavis le {D(e.TerminatedOn)} (déclarations fausses ou incomplètes) : {e.Grounds}",
        Withdrawn e => $"Demande retirée le {D(e.On)} : {e.Reason}",
        Lapsed e => $"Subvention caduque : aucune demande de paiement au {D(e.WindowLastDay)}",
        ReportOverdue e => $"Compte rendu non remis à l'échéance du {D(e.DueOn)}",
        ConventionEnded e => $"Fin de la convention le {D(e.EndedOn)}",
        ReminderDue e => $"Relance J-{e.DaysBefore} avant le {D(e.DeadlineDay)} ({DeadlineLabels.Of(e.RemindsOf)})",
        ReminderSkipped e => $"Relance J-{e.DaysBefore} avant le {D(e.DeadlineDay)} non envoyée : atteinte trop tard ({DeadlineLabels.Of(e.RemindsOf)})",
        DocumentAttached e => $"Document joint : {e.FileName} ({e.Kind}, {e.Size} octets, SHA-256 {e.Sha256[..12]}…)",
        DocumentsRequested e => $"Pièces demandées au demandeur : {string.Join(", ", e.Documents.Select(DocumentLabels.Of))} — « {e.Message} »",
        DocumentsRequestAnswered e => e.Message.Length > 0 ? $"Pièces reçues du demandeur — « {e.Message} »" : "Pièces reçues du demandeur",
        _ => @event.GetType().Name,
    };

    public static string LetterLabel(PrefectureLetterKind kind) => kind switch
    {
        PrefectureLetterKind.AdditionalDocumentsRequest => "demande de pièces complémentaires",
        PrefectureLetterKind.Observations => "lettre d'observations",
        PrefectureLetterKind.CourtReferral => "déféré au tribunal administratif",
        _ => "courrier simple",
    };

    private static string D(DateOnly date) => FrenchDates.Short(date);
}
