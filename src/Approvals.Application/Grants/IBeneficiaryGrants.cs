using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// What the authority already granted one beneficiary for one year, for the 23 000 € convention threshold (loi
/// n°2000-321, art. 10; décret n°2001-495, art. 1er: the annual amount to one beneficiary). One method, so that a
/// dossier summary read model can answer it in place of the query over stored dossiers.
/// </summary>
public interface IBeneficiaryGrants
{
    /// <summary>The amounts voted to <paramref name="beneficiary"/> on <paramref name="year"/>'s budget and still standing, other than <paramref name="exceptDossierId"/>'s, by <paramref name="authorityId"/> (null: the first authority).</summary>
    Task<decimal> GrantedAsync(Beneficiary beneficiary, int year, string? exceptDossierId, CancellationToken cancellationToken, string? authorityId = null);
}
