namespace Approvals.Domain;

/// <summary>
/// The contrat d'engagement républicain an association or foundation subscribes to when it asks a public authority for
/// a grant (loi n°2000-321 du 12 avril 2000, art. 10-1, created by loi n°2021-1109 du 24 août 2021, art. 12; its text
/// approved by décret n°2021-1947 du 31 décembre 2021, in force on 2 January 2022): when and by whom it was signed.
/// </summary>
public sealed record RepublicanCommitment(DateOnly SignedOn, string Signatory)
{
    /// <summary>Décret n°2021-1947 applies to the requests made from 2 January 2022, the day after its publication.</summary>
    public static readonly DateOnly RequiredFrom = new(2022, 1, 2);

    /// <summary>Whether a vote on <paramref name="request"/> needs the commitment: an association's or foundation's request made since 2 January 2022.</summary>
    public static bool IsRequired(GrantRequest request) =>
        request.Beneficiary.IsAssociationOrFoundation && request.ReceivedOn >= RequiredFrom;
}
