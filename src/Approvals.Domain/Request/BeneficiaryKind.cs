namespace Approvals.Domain;

/// <summary>What kind of body asks for the grant: associations and foundations commit to the contrat d'engagement républicain.</summary>
public enum BeneficiaryKind
{
    Association,
    Foundation,
    Other,
}
