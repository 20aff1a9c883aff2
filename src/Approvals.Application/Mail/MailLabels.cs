using Approvals.Domain;

namespace Approvals.Application;

/// <summary>The French words of the e-mails for instalment triggers and recovery reasons; deadlines are named by <see cref="DeadlineLabels"/>.</summary>
public static class MailLabels
{
    public static string Of(InstalmentTrigger trigger) => trigger switch
    {
        InstalmentTrigger.AtSignature => "à la signature de la convention",
        InstalmentTrigger.OnPaymentRequest => "sur demande de paiement du bénéficiaire",
        InstalmentTrigger.OnFinalReport => "à la remise du compte rendu financier",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    /// <summary>The cases of repayment listed by the convention's article 7 (seed 004), in its words.</summary>
    public static string Of(RecoveryReason reason) => reason switch
    {
        RecoveryReason.CostsShortfall => "dépenses réelles inférieures au budget prévisionnel (inexécution partielle, calcul au prorata)",
        RecoveryReason.OtherUse => "utilisation de l'aide différente de celle qui l'avait motivée",
        RecoveryReason.ActionsNotCarriedOut => "inexécution partielle ou totale des conditions liées à l'octroi de l'aide",
        RecoveryReason.ObligationsBreached => "manquement aux obligations contractuelles",
        RecoveryReason.SupportingDocumentsMissing => "non-production des justificatifs demandés lors du contrôle",
        RecoveryReason.ChangesNotNotified => "modifications significatives du programme non notifiées à la collectivité",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
