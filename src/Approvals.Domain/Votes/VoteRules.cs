namespace Approvals.Domain;

/// <summary>
/// The vote rules of one period: how the quorum is reckoned and how many proxies a member may hold. Which rules apply
/// is decided by the session's date (<see cref="VoteRuleBook.For"/>): the law in force on the day of the vote.
/// </summary>
/// <param name="QuorumDenominator">The quorum is more than half (2) or at least a third (3) of the members in office.</param>
/// <param name="ProxiesCountTowardsQuorum">Whether represented members count towards the quorum ("présents ou représentés").</param>
/// <param name="MaxProxiesPerHolder">How many proxies one present member may hold.</param>
/// <param name="Source">The text that sets these rules, as cited in refusals.</param>
public sealed record VoteRules(int QuorumDenominator, bool ProxiesCountTowardsQuorum, int MaxProxiesPerHolder, string Source)
{
    /// <summary>Members who must be there: more than half (32 → 17), or at least a third (32 → 11).</summary>
    public int Quorum(int membersInOffice) =>
        membersInOffice < 1
            ? throw new ArgumentOutOfRangeException(nameof(membersInOffice), membersInOffice, "A body has at least one member in office.")
            : QuorumDenominator == 2 ? membersInOffice / 2 + 1 : (membersInOffice + QuorumDenominator - 1) / QuorumDenominator;

    /// <summary>The French wording of the quorum rule, for refusals.</summary>
    public string QuorumWording => (QuorumDenominator == 2 ? "majorité" : "tiers") + " des membres en exercice "
        + (ProxiesCountTowardsQuorum ? "présents ou représentés" : "présents, procurations non comptées");
}
