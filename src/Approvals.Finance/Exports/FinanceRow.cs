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
    DateOnly? EndedOn)
{
    /// <summary>The French column headings, in the order of the record's fields.</summary>
    public static IReadOnlyList<string> Headings { get; } =
    [
        "Numéro", "Bénéficiaire", "SIRET", "Objet", "Exercice", "Ligne budgétaire", "Libellé de la ligne", "Étape",
        "Montant demandé", "Montant voté", "Crédits engagés", "Montant versé", "Montant reversé", "Taux de subvention",
        "Notifiée le", "Fin du délai de demande de paiement", "Compte rendu attendu le", "Terminée le",
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
            dossier.NotifiedOn,
            dossier.PaymentWindowLastDay,
            ReportDueOf(dossier),
            dossier.EndedOn);
    }

    /// <summary>
    /// The final report's due day once the grant is notified: the convention's date, else six months after the end of
    /// the grant's financial year (never before the notification). The same rule as the domain's deadline schedule,
    /// which is internal to it and computes it only while the deadline runs.
    /// </summary>
    public static DateOnly? ReportDueOf(Dossier dossier)
    {
        if (dossier.Request is not { } request || dossier.NotifiedOn is not { } notified)
        {
            return null;
        }

        var due = request.Convention.ReportDueDate
            ?? FrenchCalendar.MonthsPeriodLastDay(new DateOnly(request.BudgetLine.Year, 12, 31), 6, dossier.Policy.Territory);
        return due < notified ? notified : due;
    }
}
