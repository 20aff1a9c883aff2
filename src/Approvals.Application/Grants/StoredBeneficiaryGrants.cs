using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The beneficiary's grants of the year read from the dossier lists: same SIRET (or, without one, same name), same
/// budget year, voted and not since rejected, withdrawn or annulled; what was recovered no longer counts.
/// </summary>
public sealed class StoredBeneficiaryGrants(IDossierStore dossiers) : IBeneficiaryGrants
{
    private static readonly HashSet<string> Undone =
        [nameof(DossierStage.Rejected), nameof(DossierStage.Withdrawn), nameof(DossierStage.Annulled)];

    public async Task<decimal> GrantedAsync(Beneficiary beneficiary, int year, string? exceptDossierId, CancellationToken cancellationToken, string? authorityId = null)
    {
        var siret = beneficiary.Siret?.Replace(" ", "", StringComparison.Ordinal);
        var key = string.IsNullOrWhiteSpace(siret) ? beneficiary.Name : siret;
        var found = await dossiers.QueryAsync(new DossierQuery(Year: year, Beneficiary: key, Take: int.MaxValue, AuthorityId: authorityId), cancellationToken);
        return found
            .Where(d => d.DossierId != exceptDossierId && !Undone.Contains(d.Stage))
            .Where(d => string.IsNullOrWhiteSpace(siret) ? MemberName.Same(d.BeneficiaryName, beneficiary.Name) : d.BeneficiarySiret == siret)
            .Sum(d => d.AmountVoted - d.AmountRecovered);
    }
}
