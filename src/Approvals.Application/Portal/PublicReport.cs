using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The final report as the beneficiary sees it on the portal: its due day, where it stands in their words, whether the
/// portal takes it today, and what the form needs (the convention's indicators, the provisional budget to plan from,
/// the CERFA n°15059 table's rows).
/// </summary>
public sealed record PublicReport(
    string DossierId,
    DateOnly? DueOn,
    string Status,
    bool CanFile,
    DateOnly? ReceivedOn,
    IReadOnlyList<string> Indicators,
    IReadOnlyList<ExpenseLine> PlannedExpenses,
    IReadOnlyList<RevenueLine> PlannedRevenues,
    IReadOnlyDictionary<string, string> ChargeAccounts,
    IReadOnlyDictionary<string, string> ProductAccounts)
{
    public static PublicReport Of(string dossierId, Dossier state, DateOnly today)
    {
        var request = state.Request ?? throw new InvalidOperationException($"Dossier {dossierId} has no request.");
        var due = Workflow.ReportDueDay(state);
        var onTime = FinalReportRules.OnTime(state, today) is null;
        return new PublicReport(
            dossierId,
            due,
            StatusOf(state, due, onTime),
            state.Stage == DossierStage.PaymentRequested && onTime,
            state.Report?.ReceivedOn,
            request.Convention.Indicators ?? [],
            request.Budget.Expenses,
            request.Budget.Revenues,
            ReportAccounts.Charges,
            ReportAccounts.Products);
    }

    private static string StatusOf(Dossier state, DateOnly? due, bool onTime) => (state.Stage, state.Report?.ReceivedOn, due) switch
    {
        (DossierStage.Closed, { } received, _) => $"Compte rendu reçu le {FrenchDates.Act(received)} et accepté.",
        (_, { } received, _) => $"Compte rendu reçu le {FrenchDates.Act(received)}, en cours d'examen.",
        (_, null, null) => "Le compte rendu sera à déposer après la notification de la convention.",
        _ when state.IsEnded => "Aucun compte rendu n'est plus attendu pour cette demande.",
        (_, null, { } day) when !onTime => $"Le compte rendu devait être déposé au plus tard le {FrenchDates.Long(day)} : adressez-le au service instructeur.",
        (DossierStage.PaymentRequested, null, { } day) => $"À déposer au plus tard le {FrenchDates.Long(day)}.",
        (_, null, { } day) => $"À déposer au plus tard le {FrenchDates.Long(day)}, après votre demande de paiement.",
    };
}
