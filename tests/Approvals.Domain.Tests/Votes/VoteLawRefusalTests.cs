namespace Approvals.Domain.Tests;

public class VoteLawRefusalTests
{
    private static readonly Attendance Seed = SeedDeliberation.Attendance;

    [Fact]
    public void No_member_in_office_is_refused()
    {
        var refusal = RefusedWith(Count(new Attendance(0, [], [], [], []), new Tally(0, 0, 0)), "vote.members-in-office");

        Assert.Equal("attendance.membersInOffice", refusal.Field);
        Assert.Contains("au moins 1", refusal.Message);
    }

    [Fact]
    public void Present_and_absent_not_adding_up_to_members_in_office_is_refused()
    {
        var refusal = RefusedWith(Count(Seed with { MembersInOffice = 33 }, SeedDeliberation.Tally), "vote.attendance");

        Assert.Equal("attendance.absent", refusal.Field);
        Assert.Equal("Présents + absents = membres en exercice", refusal.Rule);
        Assert.Contains("29 présents + 3 absents = 32, pour 33 membres en exercice", refusal.Message);
    }

    [Fact]
    public void A_member_both_present_and_absent_is_refused_even_written_differently()
    {
        var attendance = Seed with { MembersInOffice = 33, Absent = [.. Seed.Absent, "Benoît Vuillemin"] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.attendance-duplicate");

        Assert.Equal("attendance.absent[3]", refusal.Field);
        Assert.Contains("« Benoît Vuillemin » figure à la fois parmi les présents et parmi les absents", refusal.Message);
    }

    [Fact]
    public void A_member_listed_twice_as_present_is_refused()
    {
        var attendance = Seed with { Present = [.. Seed.Present.Take(28), "FRANK LAIDIE"] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.attendance-duplicate");

        Assert.Equal("attendance.present[28]", refusal.Field);
        Assert.Contains("figure deux fois parmi les présents", refusal.Message);
    }

    [Fact]
    public void A_blank_name_is_refused()
    {
        var attendance = Seed with { Present = ["   ", .. Seed.Present.Skip(1)] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.member-name");

        Assert.Equal("attendance.present[0]", refusal.Field);
    }

    [Fact]
    public void Quorum_counts_present_members_only_not_proxies()
    {
        // 15 present + 2 proxies would make 17, the quorum of 32: proxies must not count.
        var present = Names("Présent", 15);
        var absent = Names("Absent", 17);
        var attendance = new Attendance(32, present, absent, [new(absent[0], present[0]), new(absent[1], present[1])], []);

        var refusal = RefusedWith(Count(attendance, new Tally(17, 0, 0)), "vote.quorum");

        Assert.Equal("attendance.present", refusal.Field);
        Assert.Equal("Quorum : majorité des membres en exercice présents, procurations non comptées (CGCT, art. L2121-17 et L2121-20)", refusal.Rule);
        Assert.Equal(
            "Quorum non atteint : 15 membres présents, 17 requis sur 32 membres en exercice (majorité des membres en exercice présents, "
            + "procurations non comptées, CGCT, art. L2121-17 et L2121-20).",
            refusal.Message);
    }

    [Theory]
    [InlineData(32, 16, false)]
    [InlineData(32, 17, true)]
    [InlineData(31, 16, true)]
    [InlineData(31, 15, false)]
    [InlineData(1, 1, true)]
    public void Quorum_is_reached_from_a_majority_of_members_in_office(int inOffice, int present, bool reached)
    {
        var attendance = new Attendance(inOffice, Names("Présent", present), Names("Absent", inOffice - present), [], []);

        var result = Count(attendance, new Tally(present, 0, 0));

        Assert.Equal(reached, result.IsOk);
        Assert.Equal(reached, result.Refusals.All(r => r.Code != "vote.quorum"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(31, 16)]
    [InlineData(32, 17)]
    public void Quorum_is_half_plus_one(int inOffice, int quorum) => Assert.Equal(quorum, VoteLaw.Quorum(inOffice));

    [Fact]
    public void Quorum_of_no_member_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VoteLaw.Quorum(0));

    [Fact]
    public void A_proxy_from_a_present_member_is_refused()
    {
        var attendance = Seed with { Proxies = [.. Seed.Proxies, new("Mme Marie ZEHAF", "M. Yves GUYEN")] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.proxy-giver-not-absent");

        Assert.Equal("attendance.proxies[2].giver", refusal.Field);
        Assert.Contains("seul un membre absent donne procuration", refusal.Message);
        Assert.Contains("Mme Marie ZEHAF", refusal.Message);
    }

    [Fact]
    public void A_proxy_held_by_an_absent_member_is_refused()
    {
        var attendance = Seed with { Proxies = [.. Seed.Proxies, new("Mme Anne BENEDETTO", "M. Denis JACQUIN")] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.proxy-holder-not-present");

        Assert.Equal("attendance.proxies[2].holder", refusal.Field);
        Assert.Contains("seul un membre présent détient une procuration", refusal.Message);
    }

    [Fact]
    public void A_member_holding_two_proxies_is_refused()
    {
        var attendance = Seed with { Proxies = [.. Seed.Proxies, new("Mme Anne BENEDETTO", "Frank LAIDIE")] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.proxy-holder-multiple");

        Assert.Equal("attendance.proxies[2].holder", refusal.Field);
        Assert.Contains("détient déjà la procuration de « M. Denis JACQUIN »", refusal.Message);
    }

    [Fact]
    public void A_member_giving_two_proxies_is_refused()
    {
        var attendance = Seed with { Proxies = [.. Seed.Proxies, new("Denis Jacquin", "M. Yves GUYEN")] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.proxy-giver-multiple");

        Assert.Equal("attendance.proxies[2].giver", refusal.Field);
        Assert.Contains("a déjà donné procuration à « M. Frank LAIDIE »", refusal.Message);
    }

    [Fact]
    public void A_proxy_held_by_an_interested_member_is_refused()
    {
        var attendance = Seed with { Proxies = [new("M. Denis JACQUIN", "Sebastien Coudry"), Seed.Proxies[1]] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.proxy-held-by-interested");

        Assert.Equal("attendance.proxies[0].holder", refusal.Field);
        Assert.Contains("intéressé", refusal.Message);
        Assert.Contains("ne peut exercer cette procuration", refusal.Message);
    }

    [Fact]
    public void An_interested_member_who_is_not_a_member_is_refused()
    {
        var attendance = Seed with { Interested = [.. Seed.Interested, "M. Jean DUPONT"] };

        var refusal = RefusedWith(Count(attendance, SeedDeliberation.Tally), "vote.interested-unknown");

        Assert.Equal("attendance.interested[2]", refusal.Field);
        Assert.Contains("« M. Jean DUPONT » est déclaré intéressé", refusal.Message);
    }

    [Theory]
    [InlineData(30, -1, 0, "tally.against")]
    [InlineData(-1, 0, 30, "tally.for")]
    [InlineData(29, 1, -1, "tally.abstention")]
    public void A_negative_tally_is_refused(int @for, int against, int abstention, string field)
    {
        var refusal = RefusedWith(Count(Seed, new Tally(@for, against, abstention)), "vote.tally-negative");

        Assert.Equal(field, refusal.Field);
        Assert.Contains("-1", refusal.Message);
    }

    [Fact]
    public void A_tally_that_does_not_match_the_voters_is_refused_with_both_numbers()
    {
        var refusal = RefusedWith(Count(Seed, new Tally(20, 3, 1)), "vote.tally");

        Assert.Equal("tally", refusal.Field);
        Assert.Equal("Pour + contre + abstention = votants", refusal.Rule);
        Assert.Equal(
            "Le décompte (pour 20 + contre 3 + abstention 1 = 24) ne correspond pas aux 29 votants (présents 29 + procurations 2 − intéressés 2).",
            refusal.Message);
    }

    [Fact]
    public void A_tie_in_a_public_ballot_needs_the_presidents_vote()
    {
        var refusal = RefusedWith(Count(Seed, new Tally(14, 14, 1)), "vote.casting-vote-missing");

        Assert.Equal("presidentVotesFor", refusal.Field);
        Assert.Contains("pour 14, contre 14", refusal.Message);
        Assert.Contains("prépondérante", refusal.Message);
    }

    [Fact]
    public void Every_fault_of_the_attendance_is_reported_at_once()
    {
        var attendance = Seed with
        {
            MembersInOffice = 40,
            Proxies = [.. Seed.Proxies, new("Mme Marie ZEHAF", "M. Frank LAIDIE")],
            Interested = [.. Seed.Interested, "Inconnu"],
        };

        var result = Count(attendance, new Tally(-1, 0, 0));

        Assert.Equal(
            ["vote.attendance", "vote.interested-unknown", "vote.proxy-giver-not-absent", "vote.proxy-holder-multiple", "vote.tally-negative"],
            result.Refusals.Select(r => r.Code).Order());
        Assert.All(result.Refusals, r => Assert.Equal(RefusalKind.InvalidData, r.Kind));
    }

    private static Result<VoteCount> Count(Attendance attendance, Tally tally) =>
        VoteLaw.Count(attendance, tally, secretBallot: false, presidentVotesFor: null, VoteRuleBook.Ordinary);

    private static Refusal RefusedWith(Result<VoteCount> result, string code)
    {
        Assert.False(result.IsOk);
        var refusal = Assert.Single(result.Refusals, r => r.Code == code);
        Assert.Equal(RefusalKind.InvalidData, refusal.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Rule));
        return refusal;
    }

    private static string[] Names(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"{prefix} {i}")];
}
