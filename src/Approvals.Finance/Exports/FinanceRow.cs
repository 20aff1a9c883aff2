using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>One dossier as finance reads it: the grant, its credits and payments, and its dates.</summary>
public sealed record FinanceRow(
    string Number,
    string Beneficiary,
    string? Siret,
    string Object,
    int? BudgetYear,
    string? BudgetCode,
    string? BudgetLabel,
    string Stage,
    decimal Requested,
    decimal Voted,
    decimal Committed,
    decimal Paid,
    decimal Recovered,
    decimal Rate,
    DateOnly? NotifiedOn,
    DateOnly? PaymentWindowLastDay,
    DateOnly? ReportDue,
    DateOnly? EndedOn,
    string Schedule)
{
    /// <summary>The French column headings, in the order of the record's fields.</summary>
    public static IReadOnlyList<string> Headings { get; } =
    [
        "Numéro", "Bénéficiaire", "SIRET", "Objet", "Exercice", "Ligne budgétaire", "Libellé de la ligne", "Étape",
        "Montant demandé", "Montant voté", "Crédits engagés", "Montant versé", "Montant reversé", "Taux de subvention",
        "Notifiée le", "Fin du délai de demande de paiement", "Compte rendu attendu le", "Terminée le",
        "Échéancier",
    ];

    public static FinanceRow Of(Dossier dossier)
    {
        var request = dossier.Request;
        return new FinanceRow(
            dossier.Number?.ToString() ?? string.Empty,
            request?.Beneficiary.Name ?? string.Empty,
            request?.Beneficiary.Siret,
            request?.Object ?? string.Empty,
            request?.BudgetLine.Year,
            request?.BudgetLine.Code,
            request?.BudgetLine.Label,
            StageLabels.Of(dossier.Stage),
            request?.AmountRequested ?? 0m,
            dossier.AmountVoted,
            dossier.CreditsCommitted,
            dossier.AmountPaid,
            dossier.AmountRecovered,
            dossier.GrantRate,
            dossier.Notification?.NotifiedOn,
            dossier.Notification?.PaymentWindowLastDay,
            Workflow.ReportDueDay(dossier),
            dossier.EndedOn,
            ScheduleSummary.Of(dossier));
    }
}
