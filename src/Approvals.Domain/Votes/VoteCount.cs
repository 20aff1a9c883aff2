namespace Approvals.Domain;

/// <summary>What the law makes of an attendance and a tally.</summary>
/// <param name="Quorum">Members who must be present under the rules of the session's date; 0 on a second convocation.</param>
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
    /// <summary>A tie in a secret ballot: no casting vote, the proposal is rejected.</summary>
    public bool SecretBallotTie { get; init; }

    /// <summary>A second convocation after a session without quorum: the body deliberated without quorum (CGCT L2121-17).</summary>
    public bool QuorumWaived { get; init; }

    /// <summary>A tie in a public ballot in which the president took no part: no casting vote, the proposal is rejected.</summary>
    public bool TieWithoutCastingVote { get; init; }

    /// <summary>The text whose quorum and proxy rules applied on the session's date.</summary>
    public string? RulesSource { get; init; }

    /// <summary>Voters who abstained: the tally sums to the voters, so they are the voters who cast no vote.</summary>
    public int Abstentions => Voters - VotesCast;

    /// <summary>The French wording of the outcome, as written in a deliberation ("adopté à l'unanimité").</summary>
    public string Wording => Outcome switch
    {
        VoteOutcome.Adopted when CastingVoteUsed => "adopté avec la voix prépondérante du président",
        VoteOutcome.Adopted when Unanimous && Abstentions == 0 => "adopté à l'unanimité",
        VoteOutcome.Adopted when Unanimous => "adopté à l'unanimité des suffrages exprimés",
        VoteOutcome.Adopted => "adopté à la majorité",
        _ when SecretBallotTie => "rejeté (partage égal des voix, scrutin secret)",
        _ when TieWithoutCastingVote => "rejeté (partage égal des voix, le président n'ayant pas pris part au vote)",
        _ when CastingVoteUsed => "rejeté avec la voix prépondérante du président",
        _ => "rejeté",
    };
}
