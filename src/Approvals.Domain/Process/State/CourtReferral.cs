namespace Approvals.Domain;

/// <summary>A referral to the administrative court (déféré, CGCT L2131-6): the judge's suspension while it runs, then the judgment.</summary>
public sealed record CourtReferral(DossierEvent.CourtReferralRecorded Lodged)
{
    /// <summary>The judge's suspension order while it runs.</summary>
    public DossierEvent.SuspensionOrdered? Suspension { get; init; }

    /// <summary>The judgment on the referral.</summary>
    public DossierEvent.CourtDecisionRecorded? Decision { get; init; }

    public bool Pending => Decision is null;
}
