namespace Approvals.Domain;

using static DossierCommand;

/// <summary>The French names of the actions, by command name.</summary>
public static class CommandLabels
{
    public static string Of(string command) => command switch
    {
        nameof(SubmitRequest) => "déposer la demande",
        nameof(RecordRepublicanCommitment) => "enregistrer le contrat d'engagement républicain",
        nameof(RecordSessionWithoutQuorum) => "enregistrer une séance sans quorum",
        nameof(RecordVote) => "enregistrer le vote",
        nameof(RecordTransmission) => "transmettre en préfecture",
        nameof(RecordTransmissionFailure) => "signaler un échec de transmission",
        nameof(AcknowledgeReceipt) => "enregistrer l'accusé de réception",
        nameof(RecordPrefectureLetter) => "enregistrer un courrier de la préfecture",
        nameof(SendAdditionalDocuments) => "envoyer les pièces complémentaires",
        nameof(AnswerObservations) => "répondre aux observations du préfet",
        nameof(RecordPublication) => "enregistrer la publication",
        nameof(RecordCourtReferral) => "enregistrer un déféré",
        nameof(RecordSuspensionOrder) => "enregistrer une suspension par le juge",
        nameof(LiftSuspension) => "lever la suspension",
        nameof(RecordCourtDecision) => "enregistrer le jugement",
        nameof(SignConvention) => "signer la convention",
        nameof(Notify) => "notifier",
        nameof(RequestPayment) => "enregistrer une demande de paiement",
        nameof(RecordPayment) => "enregistrer un paiement",
        nameof(ReceiveReport) => "recevoir le compte rendu",
        nameof(AcceptReport) => "accepter le compte rendu",
        nameof(OrderRecovery) => "ordonner un reversement",
        nameof(SendFormalNotice) => "mettre en demeure",
        nameof(LiftFormalNotice) => "lever la mise en demeure",
        nameof(Terminate) => "résilier la convention",
        nameof(TerminateForFalseDeclarations) => "résilier sans préavis (fausses déclarations)",
        nameof(Withdraw) => "retirer la demande",
        nameof(AttachDocument) => "joindre un document",
        nameof(RequestDocuments) => "demander des pièces",
        nameof(AnswerDocumentsRequest) => "répondre à la demande de pièces",
        nameof(DeadlineReached) => "échéance",
        _ => command,
    };
}
