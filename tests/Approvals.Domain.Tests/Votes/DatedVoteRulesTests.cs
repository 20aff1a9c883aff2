namespace Approvals.Domain.Tests;

using static DossierCommand;
using static DossierEvent;
using static SeedDossier;

/// <summary>Items 8–10 of issue 13: the vote rules of the session's date, the second convocation, the session's officers.</summary>
public class DatedVoteRulesTests
{
    /// <summary>15 of 32 present, no proxy: a third (11) is there, a majority (17) is not.</summary>
    private static RecordVote FifteenPresent(DateOnly sessionDate)
    {
        var present = SeedDeliberation.Present.Take(15).ToList();
        var absent = SeedDeliberation.Present.Skip(15).Concat(SeedDeliberation.Absent).ToList();
        return Vote with
        {
            SessionDate = sessionDate,
            Attendance = new Attendance(32, present, absent, [], []),
            Tally = new Tally(15, 0, 0),
            Officers = new SessionOfficers("Mme Frédérique BAEHR", "M. Yves GUYEN"),
        };
    }

    [Fact]
    public void Given_the_seed_request_When_the_bureau_of_9_June_2022_votes_Then_accepted_under_the_derogation_in_force()
    {
        var vote = Assert.IsType<VoteRecorded>(Given.SeedThrough(1).When(Vote, At(2022, 6, 10))[0]);

        Assert.Equal(VoteOutcome.Adopted, vote.Count.Outcome);
        Assert.Equal(11, vote.Count.Quorum);
        Assert.Equal("loi n°2021-1465, art. 10", vote.Count.RulesSource);
    }

    [Fact]
    public void Given_15_of_32_present_When_the_session_is_on_9_June_2022_Then_the_third_of_the_derogation_suffices()
    {
        var events = Given.SeedThrough(1).When(FifteenPresent(new DateOnly(2022, 6, 9)), At(2022, 6, 10));

        Assert.Equal(VoteOutcome.Adopted, Assert.IsType<VoteRecorded>(events[0]).Count.Outcome);
    }

    [Fact]
    public void Given_15_of_32_present_When_the_session_is_on_1_August_2022_Then_refused_under_the_ordinary_quorum()
    {
        var refusal = Given.SeedThrough(1).WhenRefused(FifteenPresent(new DateOnly(2022, 8, 1)), At(2022, 8, 2), "vote.quorum");

        Assert.Equal("attendance.present", refusal.Field);
        Assert.Contains("17 requis sur 32", refusal.Message);
        Assert.Contains("L2121-17", refusal.Rule);
    }

    [Fact]
    public void Given_a_member_holding_two_proxies_When_the_session_is_on_9_June_2022_Then_accepted_and_refused_after_31_July_2022()
    {
        var twoProxies = Vote with
        {
            Attendance = SeedDeliberation.Attendance with { Proxies = [.. SeedDeliberation.Proxies, new("Mme Anne BENEDETTO", "M. Frank LAIDIE")] },
            Tally = new Tally(30, 0, 0),
        };

        Assert.Equal(30, Assert.IsType<VoteRecorded>(Given.SeedThrough(1).When(twoProxies, At(2022, 6, 10))[0]).Count.Voters);
        var refusal = Given.SeedThrough(1).WhenRefused(twoProxies with { SessionDate = new DateOnly(2022, 9, 15) }, At(2022, 9, 16), "vote.proxy-holder-multiple");
        Assert.Equal("attendance.proxies[2].holder", refusal.Field);
    }

    [Fact]
    public void Given_the_spring_2020_rules_Then_represented_members_count_towards_the_third()
    {
        // 9 present + 2 represented of 32: 11 = a third "présents ou représentés" in May 2020, not 11 present in June 2022.
        var present = SeedDeliberation.Present.Take(9).ToList();
        var absent = SeedDeliberation.Present.Skip(9).Concat(SeedDeliberation.Absent).ToList();
        var attendance = new Attendance(32, present, absent, [new(absent[0], present[0]), new(absent[1], present[1])], []);

        Assert.True(VoteLaw.Count(attendance, new Tally(11, 0, 0), false, null, VoteRuleBook.For(new DateOnly(2020, 5, 20))).IsOk);
        Assert.Contains(VoteLaw.Count(attendance, new Tally(11, 0, 0), false, null, VoteRuleBook.For(new DateOnly(2022, 6, 9))).Refusals, r => r.Code == "vote.quorum");
    }

    [Fact]
    public void Given_a_session_without_quorum_When_the_second_is_three_days_later_Then_it_deliberates_without_quorum()
    {
        var given = Given.SeedThrough(1)
            .Apply(new RecordSessionWithoutQuorum(new DateOnly(2022, 9, 12), "Bureau", 32, 15, 0), At(2022, 9, 12, 20));
        var failed = Assert.IsType<SessionWithoutQuorum>(given.Events[^1]);
        Assert.Equal(17, failed.Quorum);

        var vote = Assert.IsType<VoteRecorded>(given.When(FifteenPresent(new DateOnly(2022, 9, 15)), At(2022, 9, 15, 20))[0]);

        Assert.True(vote.Count.QuorumWaived);
        Assert.Equal(0, vote.Count.Quorum);
        Assert.Equal(VoteOutcome.Adopted, vote.Count.Outcome);
    }

    [Fact]
    public void Given_a_session_without_quorum_When_the_second_is_two_days_later_Then_the_quorum_is_still_required()
    {
        var given = Given.SeedThrough(1)
            .Apply(new RecordSessionWithoutQuorum(new DateOnly(2022, 9, 12), "Bureau", 32, 15, 0), At(2022, 9, 12, 20));

        given.WhenRefused(FifteenPresent(new DateOnly(2022, 9, 14)), At(2022, 9, 14, 20), "vote.quorum");
    }

    [Fact]
    public void Given_a_session_that_had_its_quorum_When_recorded_as_without_quorum_Then_refused()
    {
        // 15 of 32 present on 9 June 2022: a third was there, under loi n°2021-1465.
        var refusal = Given.SeedThrough(1).WhenRefused(new RecordSessionWithoutQuorum(new DateOnly(2022, 6, 9), "Bureau", 32, 15, 0), At(2022, 6, 10), "vote.quorum-reached");

        Assert.Contains("11 requis", refusal.Message);
    }

    [Fact]
    public void Given_the_seed_session_Then_its_president_and_secretary_are_recorded()
    {
        var vote = Assert.IsType<VoteRecorded>(Given.SeedThrough(1).When(Vote, At(2022, 6, 10))[0]);

        Assert.Equal(new SessionOfficers("Mme Anne VIGNOT", "M. Yves GUYEN"), vote.Officers);
        Assert.Equal(vote.Officers, Given.SeedThrough(2).State.Vote!.Officers);
    }

    [Fact]
    public void Given_a_secretary_who_was_absent_When_the_vote_is_recorded_Then_refused()
    {
        var refusal = Given.SeedThrough(1).WhenRefused(Vote with { Officers = new SessionOfficers("Anne VIGNOT", "Mme Anne BENEDETTO") }, At(2022, 6, 10), "vote.officer-not-present");

        Assert.Equal("officers.secretary", refusal.Field);
    }

    [Fact]
    public void Given_a_tie_When_the_president_took_no_part_Then_no_casting_vote_and_the_proposal_is_rejected()
    {
        var tie = Vote with
        {
            Tally = new Tally(14, 14, 1),
            Officers = new SessionOfficers("Mme Anne VIGNOT", "M. Yves GUYEN", PresidentTookPart: false),
        };

        var vote = Assert.IsType<VoteRecorded>(Given.SeedThrough(1).When(tie, At(2022, 6, 10))[0]);

        Assert.Equal(VoteOutcome.Rejected, vote.Count.Outcome);
        Assert.False(vote.Count.CastingVoteUsed);
        Assert.Equal("rejeté (partage égal des voix, le président n'ayant pas pris part au vote)", vote.Count.Wording);
        Given.SeedThrough(1).WhenRefused(tie with { PresidentVotesFor = true }, At(2022, 6, 10), "vote.casting-vote-without-president");
    }
}
