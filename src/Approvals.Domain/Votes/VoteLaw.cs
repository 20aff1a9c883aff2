namespace Approvals.Domain;

/// <summary>
/// The rules of a deliberative vote: quorum on members present (proxies excluded), proxies only from absent
/// members and one per holder, interested members cast no vote, the tally matches the voters, adoption by a
/// majority of votes cast, the president's casting vote on a tie (not in a secret ballot). Names are compared
/// without case and accents ("Benoit" and "Benoît" are the same member, as in the seed).
/// </summary>
public static class VoteLaw
{
    public static int Quorum(int membersInOffice) => throw new NotImplementedException();

    /// <param name="presidentVotesFor">The president's vote, needed only to break a tie in a public ballot.</param>
    public static Result<VoteCount> Count(Attendance attendance, Tally tally, bool secretBallot, bool? presidentVotesFor) =>
        throw new NotImplementedException();
}
