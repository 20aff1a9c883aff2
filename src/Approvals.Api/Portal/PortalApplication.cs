using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Api;

/// <summary>
/// The request as the beneficiary fills it in on the portal, following CERFA n°12156: the association (name, SIRET,
/// RNA, kind), its legal representative, the project and its dates, the provisional budget, the amount requested, the
/// contrat d'engagement républicain and the sworn statement. The e-mail is the signed-in address, never a field.
/// <paramref name="Authority"/> is the id of the authority the request is addressed to, among those the portal offers
/// (<see cref="PortalApi.Authorities"/>); absent, the first one (a one-authority deployment never sends it).
/// </summary>
public sealed record PortalApplication(
    string Name,
    string? Siret,
    string? Rna,
    BeneficiaryKind Kind,
    string Representative,
    string Object,
    DateOnly ActionsStart,
    DateOnly ActionsEnd,
    IReadOnlyList<ExpenseLine> Expenses,
    IReadOnlyList<RevenueLine> Revenues,
    decimal AmountRequested,
    bool RepublicanCommitment,
    bool SwornStatement,
    string? Authority = null)
{
    /// <summary>What the portal itself requires before the request rules apply.</summary>
    public IReadOnlyList<Refusal> Check() => new[]
    {
        SwornStatement
            ? null
            : Refusal.Invalid("portal.sworn-statement", "swornStatement", "Déclaration sur l'honneur (CERFA n°12156)",
                "Cochez la déclaration sur l'honneur : le représentant légal certifie exactes les informations de la demande."),
        RepublicanCommitment || Kind == BeneficiaryKind.Other
            ? null
            : Refusal.Invalid("portal.republican-commitment", "republicanCommitment",
                "Contrat d'engagement républicain (loi n°2000-321, art. 10-1)",
                "Une association ou une fondation qui demande une subvention s'engage à respecter le contrat d'engagement républicain : cochez l'engagement."),
    }.OfType<Refusal>().ToList();

    /// <summary>The domain's request: received today (Paris), the portal's budget line, payment terms and case officer until instruction.</summary>
    public GrantRequest ToRequest(string address, PortalOptions options, DateTimeOffset now)
    {
        var today = FrenchCalendar.ParisDate(now);
        return new GrantRequest(
            today,
            new Beneficiary(Name, Blank(Siret), Blank(Rna), Representative, address, Kind),
            Object,
            ActionsStart,
            ActionsEnd,
            new ProvisionalBudget(Expenses ?? [], Revenues ?? []),
            AmountRequested,
            new BudgetLineRef(today.Year, options.BudgetLineCode, options.BudgetLineLabel),
            [new Instalment("Versement unique à la signature", 100m, InstalmentTrigger.AtSignature)],
            ConventionTerms.Default with { Indicators = options.ReportIndicators ?? PortalOptions.DefaultReportIndicators },
            options.CaseOfficerEmail,
            null,
            RepublicanCommitment && Kind != BeneficiaryKind.Other ? new RepublicanCommitment(today, Representative) : null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
