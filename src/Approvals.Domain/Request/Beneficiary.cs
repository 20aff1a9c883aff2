namespace Approvals.Domain;

/// <summary>
/// The body that asks for the grant (CERFA n°12156), identified by SIRET and/or RNA. <paramref name="Kind"/> says what
/// it is; when not given, a body with an RNA number is an association (the RNA registers associations only).
/// </summary>
public sealed record Beneficiary(string Name, string? Siret, string? Rna, string Representative, string Email, BeneficiaryKind? Kind = null)
{
    /// <summary>Associations and foundations sign the contrat d'engagement républicain (loi n°2000-321, art. 10-1).</summary>
    public bool IsAssociationOrFoundation =>
        Kind is BeneficiaryKind.Association or BeneficiaryKind.Foundation || (Kind is null && !string.IsNullOrWhiteSpace(Rna));
}
