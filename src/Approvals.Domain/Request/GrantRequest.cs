namespace Approvals.Domain;

/// <summary>
/// The request for a grant as the case officer enters it (CERFA n°12156), received on <paramref name="ReceivedOn"/>.
/// <paramref name="RepublicanCommitment"/>: the association's or foundation's signed contrat d'engagement républicain.
/// </summary>
public sealed record GrantRequest(
    DateOnly ReceivedOn,
    Beneficiary Beneficiary,
    string Object,
    DateOnly ActionsStart,
    DateOnly ActionsEnd,
    ProvisionalBudget Budget,
    decimal AmountRequested,
    BudgetLineRef BudgetLine,
    IReadOnlyList<Instalment> PaymentTerms,
    ConventionTerms Convention,
    string CaseOfficerEmail,
    string? ProgrammeId,
    RepublicanCommitment? RepublicanCommitment = null);
