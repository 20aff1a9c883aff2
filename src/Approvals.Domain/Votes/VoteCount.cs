namespace Approvals.Domain;

/// <summary>What the law makes of an attendance and a tally.</summary>
/// <param name="Quorum">Members who must be present: a majority of the members in office.</param>
/// <param name="Voters">Present members plus proxies, less interested members and the proxies they hold or gave.</param>
/// <param name="VotesCast">Suffrages exprimés: for + against (abstentions are not cast votes).</param>
/// <param name="CastingVoteUsed">A tie decided by the president's casting vote.</param>
public sealed record VoteCount(
    int Quorum,
    int Present,
    int Voters,
    int VotesCast,
    VoteOutcome Outcome,
    bool Unanimous,
    bool CastingVoteUsed)
{
    /// <summary>The French wording of the outcome, as written in a deliberation ("adopté à l'unanimité").</summary>
    public string Wording => throw new NotImplementedException();
}
