namespace Approvals.Domain;

/// <summary>What a request must satisfy to be entered: every field error at once, so the form can show them all.</summary>
public static class RequestRules
{
    public static IReadOnlyList<Refusal> Check(GrantRequest request, ProcessPolicy policy, DateTimeOffset now)
    {
        var b = request.Beneficiary;
        var refusals = new List<Refusal?>
        {
            Checks.NotInFuture(request.ReceivedOn, now, "receivedOn", "La date de réception de la demande"),
            Checks.Plausible(request.ActionsStart, now, "actionsStart", "Le début des actions"),
            Checks.Plausible(request.ActionsEnd, now, "actionsEnd", "La fin des actions"),
            Checks.Name(b.Name, "beneficiary.name", "Le nom du bénéficiaire"),
            string.IsNullOrWhiteSpace(b.Siret) && string.IsNullOrWhiteSpace(b.Rna)
                ? Refusal.Invalid("beneficiary.identifier", "beneficiary.siret", "SIRET ou RNA obligatoire", "Indiquez le SIRET ou le numéro RNA du bénéficiaire.")
                : null,
            string.IsNullOrWhiteSpace(b.Siret) ? null : Siret.Check(b.Siret, "beneficiary.siret"),
            string.IsNullOrWhiteSpace(b.Rna) ? null : Rna.Check(b.Rna, "beneficiary.rna"),
            Checks.Name(b.Representative, "beneficiary.representative", "Le représentant légal"),
            Checks.Email(b.Email, "beneficiary.email", "L'adresse du bénéficiaire"),
            Checks.Text(request.Object, "object", 2000, "L'objet de la demande"),
            request.ActionsEnd < request.ActionsStart
                ? Refusal.Invalid("period.order", "actionsEnd", "Période des actions", "La fin des actions précède leur début.")
                : null,
            Money.Check(request.AmountRequested, "amountRequested"),
            request.BudgetLine.Year is < 2000 or > 2100
                ? Refusal.Invalid("budgetLine.year", "budgetLine.year", "Exercice budgétaire", $"L'exercice {request.BudgetLine.Year} n'est pas plausible.")
                : null,
            BudgetLineCodes.Check(request.BudgetLine.Code, "budgetLine.code"),
            Checks.Text(request.BudgetLine.Label, "budgetLine.label", 200, "Le libellé de la ligne budgétaire"),
            Checks.Email(request.CaseOfficerEmail, "caseOfficerEmail", "L'adresse de l'agent instructeur"),
            request.ProgrammeId is null ? null : Checks.Text(request.ProgrammeId, "programmeId", 100, "Le programme"),
        };
        refusals.AddRange(BudgetRules.CheckRequest(request.Budget, request.AmountRequested));
        refusals.AddRange(PaymentTerms(request));
        refusals.AddRange(Convention(request, now));
        if (request.RepublicanCommitment is { } commitment)
        {
            refusals.AddRange(CheckCommitment(commitment, now, "republicanCommitment."));
        }

        refusals.Add(policy.ReminderOffsetsDays.Any(d => d is < 1 or > 365)
            ? Refusal.Invalid("policy.reminders", "policy.reminderOffsetsDays", "Relances entre 1 et 365 jours", "Les délais de relance doivent être compris entre 1 et 365 jours.")
            : null);
        return refusals.OfType<Refusal>().ToList();
    }

    /// <summary>The contrat d'engagement républicain's date and signatory; <paramref name="prefix"/> places the fields in the body.</summary>
    public static IReadOnlyList<Refusal> CheckCommitment(RepublicanCommitment commitment, DateTimeOffset now, string prefix) =>
        Checks.All(
            Checks.Name(commitment.Signatory, $"{prefix}signatory", "Le signataire du contrat d'engagement républicain"),
            Checks.NotInFuture(commitment.SignedOn, now, $"{prefix}signedOn", "La date du contrat d'engagement républicain"));

    private static IEnumerable<Refusal?> PaymentTerms(GrantRequest request)
    {
        if (request.PaymentTerms.Count == 0)
        {
            yield return Refusal.Invalid("paymentTerms.required", "paymentTerms", "Modalités de versement", "Indiquez au moins une échéance de versement.");
            yield break;
        }

        for (var i = 0; i < request.PaymentTerms.Count; i++)
        {
            var instalment = request.PaymentTerms[i];
            yield return Checks.Text(instalment.Label, $"paymentTerms[{i}].label", 200, "Le libellé de l'échéance");
            yield return instalment.Percent is <= 0 or > 100
                ? Refusal.Invalid("paymentTerms.percent", $"paymentTerms[{i}].percent", "Part entre 0 et 100 %", $"La part {instalment.Percent} % n'est pas comprise entre 0 et 100 %.")
                : null;
        }

        var total = request.PaymentTerms.Sum(t => t.Percent);
        yield return total == 100m
            ? null
            : Refusal.Invalid("paymentTerms.total", "paymentTerms", "Versements totalisant 100 %", $"Les échéances totalisent {total} % au lieu de 100 %.");
    }

    private static IEnumerable<Refusal?> Convention(GrantRequest request, DateTimeOffset now)
    {
        var convention = request.Convention;
        yield return request.AmountRequested > ConventionTerms.CompulsoryAbove && !convention.HasConvention
            ? Refusal.Invalid("convention.compulsory", "convention.hasConvention", "Convention obligatoire au-delà de 23 000 € (loi n°2000-321, art. 10)",
                $"Une subvention de {Money.Format(request.AmountRequested)} exige une convention écrite (au-delà de {Money.Format(ConventionTerms.CompulsoryAbove)}).")
            : null;
        yield return convention.PaymentWindowMonths is < 1 or > 12
            ? Refusal.Invalid("convention.paymentWindow", "convention.paymentWindowMonths", "Délai de demande de paiement", "Le délai de demande de paiement doit être compris entre 1 et 12 mois.")
            : null;
        yield return convention.ReportDueDate is { } reportDue ? Checks.Plausible(reportDue, now, "convention.reportDueDate", "La date du compte rendu") : null;
        yield return convention.EndDate is { } endDate ? Checks.Plausible(endDate, now, "convention.endDate", "La fin de la convention") : null;
        yield return convention.ReportDueDate is { } due && due < request.ActionsStart
            ? Refusal.Invalid("convention.reportDue", "convention.reportDueDate", "Compte rendu après le début des actions", "La date du compte rendu précède le début des actions.")
            : null;
        var indicators = convention.Indicators ?? [];
        yield return indicators.Count > ConventionTerms.MaxIndicators
            ? Refusal.Invalid("convention.indicators", "convention.indicators", $"{ConventionTerms.MaxIndicators} indicateurs au plus",
                $"La convention compte {indicators.Count} indicateurs ; {ConventionTerms.MaxIndicators} au plus.")
            : null;
        for (var i = 0; i < Math.Min(indicators.Count, ConventionTerms.MaxIndicators); i++)
        {
            yield return Checks.Text(indicators[i], $"convention.indicators[{i}]", 300, "L'indicateur");
        }

        yield return convention.EndDate is { } end && end < request.ActionsStart
            ? Refusal.Invalid("convention.end", "convention.endDate", "Fin de convention après le début des actions", "La fin de la convention précède le début des actions.")
            : null;
    }
}
