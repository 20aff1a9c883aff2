namespace Approvals.Domain;

/// <summary>
/// The rules of a final report (law n°2000-321, art. 10; arrêté du 11 octobre 2006 on the compte rendu financier,
/// CERFA n°15059): the summary table balanced in both columns, its planned column the provisional budget the grant was
/// voted on, the gaps explained, indirect charges' allocation rule given, a result for every indicator of the
/// convention, and the representative's certification. Every refusal at once, each naming its field.
/// </summary>
public static class FinalReportRules
{
    /// <summary>
    /// A gap between plan and realisation that the explanatory note must justify: more than this share of the line's
    /// planned amount (the arrêté, art. 2, asks for gaps in euros and percent; the threshold is this application's).
    /// </summary>
    public const decimal SignificantGap = 0.15m;

    public const int MaxLines = 40;

    public const int MaxNoteLength = 4000;

    public static IReadOnlyList<Refusal> Check(FinalReport report, Dossier state)
    {
        var refusals = new List<Refusal>();
        refusals.AddRange(Financial(report.Financial, state));
        refusals.AddRange(Activity(report.Activity, state.Request?.Convention.Indicators ?? []));
        refusals.AddRange(Checks.All(
            Checks.Name(report.Signatory, "report.signatory", "Le nom du représentant légal qui certifie le compte rendu"),
            report.Certified
                ? null
                : Refusal.Invalid("report.not-certified", "report.certified", "Compte rendu certifié exact par le représentant légal",
                    "Le représentant légal doit certifier exactes les informations du compte rendu.")));
        return refusals;
    }

    /// <summary>
    /// The portal takes a report up to its due day (the convention's date, or six months after the financial year:
    /// law n°2000-321, art. 10); after it, the beneficiary writes to the service, whose agents may still record it.
    /// </summary>
    public static Refusal? OnTime(Dossier state, DateOnly today) =>
        Workflow.ReportDueDay(state) is { } due && today > due
            ? Refusal.Invalid("report.past-due", "report", "Compte rendu déposé au plus tard le jour fixé",
                $"Le compte rendu devait être déposé au plus tard le {Checks.Show(due)} : il ne peut plus l'être en ligne. Adressez-le au service instructeur, qui l'enregistrera.")
            : null;

    /// <summary>The real eligible costs the settlement is computed on are the report's realised charges.</summary>
    public static Refusal? CostsMatch(FinalReport report, decimal realEligibleCosts) =>
        report.Financial.RealisedCosts == realEligibleCosts
            ? null
            : Refusal.Invalid("report.costs-differ", "realEligibleCosts", "Dépenses réelles du compte rendu financier",
                $"Les dépenses réelles ({Money.Format(realEligibleCosts)}) doivent être celles du compte rendu financier ({Money.Format(report.Financial.RealisedCosts)}).");

    private static IEnumerable<Refusal> Financial(FinancialReport report, Dossier state)
    {
        if (report.Charges.Any(l => l is null) || report.Products.Any(l => l is null))
        {
            return [.. Lines(report.Charges, ReportAccounts.Charges, "financial.charges", "charge"), .. Lines(report.Products, ReportAccounts.Products, "financial.products", "produit")];
        }

        var refusals = new List<Refusal>();
        refusals.AddRange(Lines(report.Charges, ReportAccounts.Charges, "financial.charges", "charge"));
        refusals.AddRange(Lines(report.Products, ReportAccounts.Products, "financial.products", "produit"));
        refusals.AddRange(Checks.All(
            Note(report.IndirectChargesRule, "financial.indirectChargesRule", "La règle de répartition des charges indirectes",
                report.Charges.Any(l => l.Account == ReportAccounts.IndirectCharges && l.Realised > 0)),
            Note(report.GapsExplanation, "financial.gapsExplanation", "L'explication des écarts entre le budget prévisionnel et le réalisé",
                report.Charges.Concat(report.Products).Any(IsSignificantGap)),
            Note(report.Observations, "financial.observations", "Les observations", required: false)));
        if (refusals.Count > 0)
        {
            return refusals;
        }

        static decimal Sum(IEnumerable<FinancialReportLine> lines, string excluded, Func<FinancialReportLine, decimal> amount) =>
            lines.Where(l => l.Account != excluded).Sum(amount);

        // Art. 3 of the arrêté: the table of charges and products; like the provisional budget, it balances, the
        // association's own funds being a product (75); contributions in kind (86 and 87) balance apart.
        foreach (var (column, label, amount) in new (string, string, Func<FinancialReportLine, decimal>)[]
            { ("planned", "prévus", l => l.Planned), ("realised", "réalisés", l => l.Realised) })
        {
            var charges = Sum(report.Charges, ReportAccounts.InKindUses, amount);
            var products = Sum(report.Products, ReportAccounts.InKindResources, amount);
            if (charges != products)
            {
                refusals.Add(Refusal.Invalid("report.unbalanced", $"financial.{column}", "Compte rendu équilibré",
                    $"Le total des charges {label} ({Money.Format(charges)}) doit égaler le total des produits {label} ({Money.Format(products)}) ; les fonds propres de l'association sont un produit (75)."));
            }

            var inKindUses = report.Charges.Where(l => l.Account == ReportAccounts.InKindUses).Sum(amount);
            var inKindResources = report.Products.Where(l => l.Account == ReportAccounts.InKindResources).Sum(amount);
            if (inKindUses != inKindResources)
            {
                refusals.Add(Refusal.Invalid("report.in-kind-unbalanced", $"financial.{column}", "Contributions volontaires en nature équilibrées",
                    $"Les emplois des contributions volontaires en nature {label} ({Money.Format(inKindUses)}) doivent égaler les contributions reçues ({Money.Format(inKindResources)})."));
            }
        }

        if (state.Request is { } request && Sum(report.Charges, ReportAccounts.InKindUses, l => l.Planned) != request.Budget.TotalExpenses)
        {
            refusals.Add(Refusal.Invalid("report.plan-differs", "financial.planned", "Prévision reprise du budget prévisionnel de la demande",
                $"La colonne « prévision » totalise {Money.Format(Sum(report.Charges, ReportAccounts.InKindUses, l => l.Planned))} de charges : elle doit reprendre le budget prévisionnel de la demande ({Money.Format(request.Budget.TotalExpenses)})."));
        }

        return refusals;
    }

    private static IEnumerable<Refusal> Lines(IReadOnlyList<FinancialReportLine> lines, IReadOnlyDictionary<string, string> accounts, string field, string label)
    {
        if (lines.Count == 0 || lines.Count > MaxLines)
        {
            yield return Refusal.Invalid("report.lines", field, $"Entre 1 et {MaxLines} lignes",
                $"Le tableau doit comporter entre 1 et {MaxLines} lignes de {label}s ({lines.Count}).");
            yield break;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null)
            {
                yield return Refusal.Invalid("report.line-missing", $"{field}[{i}]", "Ligne complète", $"La ligne de {label} n°{i + 1} est vide.");
                continue;
            }

            if (line.Account is null || !accounts.ContainsKey(line.Account))
            {
                yield return Refusal.Invalid("report.account", $"{field}[{i}].account", "Rubrique du compte rendu financier",
                    $"La ligne de {label} n°{i + 1} doit porter l'une des rubriques du formulaire ({string.Join(", ", accounts.Keys)}).");
            }

            if (line.Account == ReportAccounts.OperatingGrants && string.IsNullOrWhiteSpace(line.Detail))
            {
                yield return Refusal.Invalid("report.funder", $"{field}[{i}].detail", "Financeur de chaque subvention d'exploitation",
                    $"La ligne de {label} n°{i + 1} (74 – subventions) doit nommer le financeur.");
            }
            else if (line.Detail is not null && Checks.Name(line.Detail, $"{field}[{i}].detail", $"Le détail de la ligne n°{i + 1}") is { } detail)
            {
                yield return detail;
            }

            foreach (var (amount, name) in new[] { (line.Planned, "planned"), (line.Realised, "realised") })
            {
                if (Money.Check(amount, $"{field}[{i}].{name}", allowZero: true) is { } money)
                {
                    yield return money;
                }
            }
        }
    }

    private static IEnumerable<Refusal> Activity(ActivityReport report, IReadOnlyList<string> indicators)
    {
        if (Checks.Text(report.Summary, "activity.summary", MaxNoteLength, "Le bilan des actions réalisées") is { } summary)
        {
            yield return summary;
        }

        // A null element (JSON null in the list) is no indicator's result.
        var given = (report.Indicators ?? []).Where(g => g is not null).ToList();
        for (var i = 0; i < given.Count; i++)
        {
            if (!indicators.Contains(given[i].Indicator))
            {
                yield return Refusal.Invalid("report.indicator-unknown", $"activity.indicators[{i}].indicator", "Indicateurs de la convention",
                    $"« {given[i].Indicator} » n'est pas un indicateur de la convention.");
            }
        }

        for (var i = 0; i < indicators.Count; i++)
        {
            var result = given.Where(g => g.Indicator == indicators[i]).Select(g => g.Result).FirstOrDefault();
            if (Checks.Text(result, $"activity.indicators[{i}].result", 1000, $"Le résultat de l'indicateur « {indicators[i]} »") is { } missing)
            {
                yield return missing;
            }
        }
    }

    private static Refusal? Note(string? text, string field, string label, bool required) =>
        required || !string.IsNullOrEmpty(text) ? Checks.Text(text, field, MaxNoteLength, label) : null;

    private static bool IsSignificantGap(FinancialReportLine line) =>
        line.Planned == 0 ? line.Realised != 0 : Math.Abs(line.Realised - line.Planned) > line.Planned * SignificantGap;
}
