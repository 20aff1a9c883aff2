namespace Approvals.Domain.Tests;

public class VoteLawSeedTests
{
    private static readonly DateOnly SessionDay = new(2022, 6, 9);

    [Fact]
    public void Seed_session_of_9_June_2022_reaches_quorum_and_adopts_unanimously()
    {
        var result = VoteLaw.Count(SeedDeliberation.Attendance, SeedDeliberation.Tally, secretBallot: false, presidentVotesFor: null, VoteRuleBook.For(SessionDay));

        Assert.True(result.IsOk, string.Join(" | ", result.Refusals.Select(r => r.Message)));
        var count = result.Unwrap();
        Assert.Equal(11, count.Quorum); // one third of 32, loi n°2021-1465, art. 10, in force on 9 June 2022
        Assert.Equal("loi n°2021-1465, art. 10", count.RulesSource);
        Assert.Equal(29, count.Present);
        Assert.Equal(29, count.Voters); // 29 present + 2 proxies − 2 interested
        Assert.Equal(29, count.VotesCast);
        Assert.Equal(0, count.Abstentions);
        Assert.Equal(VoteOutcome.Adopted, count.Outcome);
        Assert.True(count.Unanimous);
        Assert.False(count.CastingVoteUsed);
        Assert.Equal("adopté à l'unanimité", count.Wording);
    }

    [Fact]
    public void Seed_lists_the_members_of_the_bureau_once_each()
    {
        Assert.Equal(29, SeedDeliberation.Present.Count);
        Assert.Equal(3, SeedDeliberation.Absent.Count);
        var all = SeedDeliberation.Present.Concat(SeedDeliberation.Absent).Select(MemberName.Normalize).ToHashSet();
        Assert.Equal(SeedDeliberation.MembersInOffice, all.Count);
        Assert.Contains(MemberName.Normalize("Benoît VUILLEMIN"), all);
    }

    [Fact]
    public void Seed_tally_of_28_is_refused_with_both_figures()
    {
        var result = VoteLaw.Count(SeedDeliberation.Attendance, new Tally(28, 0, 0), secretBallot: false, presidentVotesFor: null, VoteRuleBook.For(SessionDay));

        var refusal = Assert.Single(result.Refusals);
        Assert.Equal("vote.tally", refusal.Code);
        Assert.Equal(
            "Le décompte (pour 28 + contre 0 + abstention 0 = 28) ne correspond pas aux 29 votants (présents 29 + procurations 2 − intéressés 2).",
            refusal.Message);
    }
}
