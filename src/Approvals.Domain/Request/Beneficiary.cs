namespace Approvals.Domain;

/// <summary>The body that asks for the grant (CERFA n°12156): an association identified by SIRET and/or RNA.</summary>
public sealed record Beneficiary(string Name, string? Siret, string? Rna, string Representative, string Email);
