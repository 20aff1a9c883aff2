namespace Approvals.Domain.Tests;

/// <summary>Outcomes on the seed's attendance: 29 voters (29 present + 2 proxies − 2 interested).</summary>
public class VoteOutcomeTests
{
    [Fact]
    public void Majority_of_votes_cast_adopts()
    {
        var count = Counted(new Tally(20, 5, 4));

        Assert.Equal(VoteOutcome.Adopted, count.Outcome);
        Assert.Equal(25, count.VotesCast);
        Assert.Equal(4, count.Abstentions);
        Assert.False(count.Unanimous);
        Assert.Equal("adopté à la majorité", count.Wording);
    }

    [Fact]
    public void Abstentions_are_not_votes_cast()
    {
        // 10 for out of 29 voters is no majority of voters, but it is of the 19 votes cast.
        var count = Counted(new Tally(10, 9, 10));

        Assert.Equal(VoteOutcome.Adopted, count.Outcome);
        Assert.Equal(19, count.VotesCast);
    }

    [Fact]
    public void No_vote_against_with_abstentions_is_unanimity_of_votes_cast()
    {
        var count = Counted(new Tally(25, 0, 4));

        Assert.True(count.Unanimous);
        Assert.Equal("adopté à l'unanimité des suffrages exprimés", count.Wording);
    }

    [Fact]
    public void More_against_than_for_rejects()
    {
        var count = Counted(new Tally(10, 15, 4));

        Assert.Equal(VoteOutcome.Rejected, count.Outcome);
        Assert.False(count.Unanimous);
        Assert.Equal("rejeté", count.Wording);
    }

    [Theory]
    [InlineData(true, VoteOutcome.Adopted, "adopté avec la voix prépondérante du président")]
    [InlineData(false, VoteOutcome.Rejected, "rejeté avec la voix prépondérante du président")]
    public void A_tie_in_a_public_ballot_is_decided_by_the_president(bool presidentFor, VoteOutcome outcome, string wording)
    {
        var count = VoteLaw.Count(SeedDeliberation.Attendance, new Tally(14, 14, 1), secretBallot: false, presidentFor, VoteRuleBook.Ordinary).Unwrap();

        Assert.True(count.CastingVoteUsed);
        Assert.Equal(outcome, count.Outcome);
        Assert.False(count.Unanimous);
        Assert.Equal(wording, count.Wording);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    public void A_tie_in_a_secret_ballot_rejects_without_casting_vote(bool? presidentFor)
    {
        var count = VoteLaw.Count(SeedDeliberation.Attendance, new Tally(14, 14, 1), secretBallot: true, presidentFor, VoteRuleBook.Ordinary).Unwrap();

        Assert.Equal(VoteOutcome.Rejected, count.Outcome);
        Assert.False(count.CastingVoteUsed);
        Assert.True(count.SecretBallotTie);
        Assert.Equal("rejeté (partage égal des voix, scrutin secret)", count.Wording);
    }

    [Fact]
    public void Everyone_abstaining_rejects_without_asking_for_a_casting_vote()
    {
        var count = Counted(new Tally(0, 0, 29));

        Assert.Equal(VoteOutcome.Rejected, count.Outcome);
        Assert.Equal(0, count.VotesCast);
        Assert.False(count.CastingVoteUsed);
        Assert.False(count.Unanimous);
        Assert.Equal("rejeté", count.Wording);
    }

    [Fact]
    public void The_proxy_of_an_absent_interested_member_is_not_counted()
    {
        var attendance = SeedDeliberation.Attendance with { Interested = [.. SeedDeliberation.Interested, "Denis Jacquin"] };

        var count = VoteLaw.Count(attendance, new Tally(28, 0, 0), secretBallot: false, presidentVotesFor: null, VoteRuleBook.Ordinary).Unwrap();
        var refusal = Assert.Single(VoteLaw.Count(attendance, SeedDeliberation.Tally, secretBallot: false, presidentVotesFor: null, VoteRuleBook.Ordinary).Refusals);

        Assert.Equal(28, count.Voters);
        Assert.Contains("28 votants (présents 29 + procurations 2 − intéressés 3)", refusal.Message);
    }

    private static VoteCount Counted(Tally tally) =>
        VoteLaw.Count(SeedDeliberation.Attendance, tally, secretBallot: false, presidentVotesFor: null, VoteRuleBook.Ordinary).Unwrap();
}
