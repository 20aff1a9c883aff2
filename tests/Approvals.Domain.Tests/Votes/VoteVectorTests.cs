using System.Text.Json;

namespace Approvals.Domain.Tests;

/// <summary>
/// Issue 17 item 6 and issue 13 item 8: the vote law's vectors (tests/vectors/vote-rules.json), which the pages' checks
/// read too (votelaw.test.mjs). Which rules a session date gets, and what VoteLaw makes of an attendance and a tally
/// under them, second convocation included, as the expected outcomes written from the texts say.
/// </summary>
public class VoteVectorTests
{
    private static readonly JsonElement Vectors = SharedVectors.Load("vote-rules.json");

    public static TheoryData<string> Dates => [.. Vectors.GetProperty("rulesByDate").EnumerateArray().Select(v => v.GetProperty("sessionDate").GetString()!)];

    public static TheoryData<string> Votes => [.. Vectors.GetProperty("votes").EnumerateArray().Select(v => v.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Dates))]
    public void Given_a_session_date_Then_the_rules_in_force_that_day_apply(string sessionDate)
    {
        var vector = Vectors.GetProperty("rulesByDate").EnumerateArray().Single(v => v.GetProperty("sessionDate").GetString() == sessionDate);

        var rules = VoteRuleBook.For(DateOnly.Parse(sessionDate));

        Assert.Equal(vector.GetProperty("source").GetString(), rules.Source);
        Assert.Equal(vector.GetProperty("quorumOf32").GetInt32(), rules.Quorum(32));
        Assert.Equal(vector.GetProperty("proxiesCountTowardsQuorum").GetBoolean(), rules.ProxiesCountTowardsQuorum);
        Assert.Equal(vector.GetProperty("maxProxiesPerHolder").GetInt32(), rules.MaxProxiesPerHolder);
    }

    [Theory]
    [MemberData(nameof(Votes))]
    public void Given_a_session_When_its_vote_is_counted_Then_the_law_of_its_date_decides(string name)
    {
        var vector = Vectors.GetProperty("votes").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var sessionDate = DateOnly.Parse(vector.GetProperty("sessionDate").GetString()!);
        var failed = vector.GetProperty("failedSessions").EnumerateArray().Select(f => DateOnly.Parse(f.GetString()!));

        var result = VoteLaw.Count(
            Read<Attendance>(vector, "attendance"),
            Read<Tally>(vector, "tally"),
            vector.GetProperty("secretBallot").GetBoolean(),
            vector.GetProperty("presidentVotesFor").ValueKind == JsonValueKind.Null ? null : vector.GetProperty("presidentVotesFor").GetBoolean(),
            VoteRuleBook.For(sessionDate),
            VoteLaw.IsSecondConvocation(sessionDate, failed),
            vector.GetProperty("officers").ValueKind == JsonValueKind.Null ? null : Read<SessionOfficers>(vector, "officers"));

        var expected = vector.GetProperty("expected");
        if (expected.TryGetProperty("refusals", out var refusals))
        {
            Assert.False(result.IsOk, name);
            Assert.Equal(
                refusals.EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("field").GetString())),
                result.Refusals.Select(r => ((string?)r.Code, r.Field)));
            return;
        }

        Assert.True(result.IsOk, string.Join(" ", result.Refusals.Select(r => r.Message)));
        var count = result.Unwrap();
        var want = expected.GetProperty("count");
        Assert.Equal(want.GetProperty("quorum").GetInt32(), count.Quorum);
        Assert.Equal(want.GetProperty("voters").GetInt32(), count.Voters);
        Assert.Equal(want.GetProperty("outcome").GetString(), count.Outcome.ToString());
        Assert.Equal(want.GetProperty("quorumWaived").GetBoolean(), count.QuorumWaived);
        Assert.Equal(want.GetProperty("rulesSource").GetString(), count.RulesSource);
        Assert.Equal(want.GetProperty("wording").GetString(), count.Wording);
    }

    private static T Read<T>(JsonElement vector, string property) =>
        vector.GetProperty(property).Deserialize<T>(SharedVectors.Json)!;
}
