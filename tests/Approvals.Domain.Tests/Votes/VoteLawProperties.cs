using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approvals.Domain.Tests;

public class VoteLawProperties
{
    /// <summary>A lawful session and a tally that sums to its voters, counted by hand here rather than by the code under test.</summary>
    public sealed record Session(Attendance Attendance, int ExpectedVoters, Tally Tally, bool SecretBallot, bool PresidentFor);

    private static readonly Gen<Session> Sessions =
        from inOffice in Gen.Choose(1, 60)
        from present in Gen.Choose(inOffice / 2 + 1, inOffice)
        from proxies in Gen.Choose(0, Math.Min(inOffice - present, present))
        from interestedFlags in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false))).ListOf(inOffice)
        from split in Gen.Choose(0, 1000).Two()
        from forceTie in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from secret in Gen.Elements(true, false)
        from presidentFor in Gen.Elements(true, false)
        select Build(inOffice, present, proxies, interestedFlags, split, forceTie, secret, presidentFor);

    [Property(MaxTest = 300)]
    public Property Voters_never_exceed_present_plus_proxies() =>
        Prop.ForAll(Sessions.ToArbitrary(), session =>
        {
            var count = VoteLaw.Count(session.Attendance, session.Tally, session.SecretBallot, session.PresidentFor, VoteRuleBook.Ordinary).Unwrap();
            return count.Voters == session.ExpectedVoters
                && count.Voters <= session.Attendance.Present.Count + session.Attendance.Proxies.Count
                && count.Present == session.Attendance.Present.Count;
        });

    [Property(MaxTest = 300)]
    public Property Adopted_iff_more_for_than_against_or_the_casting_vote_is_for() =>
        Prop.ForAll(Sessions.ToArbitrary(), session =>
        {
            var (tally, secret) = (session.Tally, session.SecretBallot);
            var count = VoteLaw.Count(session.Attendance, tally, secret, session.PresidentFor, VoteRuleBook.Ordinary).Unwrap();
            var tie = tally.For == tally.Against && tally.For > 0;
            var adopted = tally.For > tally.Against || (tie && !secret && session.PresidentFor);
            return (count.Outcome == VoteOutcome.Adopted) == adopted
                && count.CastingVoteUsed == (tie && !secret)
                && count.VotesCast == tally.For + tally.Against;
        });

    [Property(MaxTest = 300)]
    public Property A_tally_not_summing_to_the_voters_is_always_refused() =>
        Prop.ForAll(Sessions.ToArbitrary(), Gen.Choose(-5, 5).Where(d => d != 0).ToArbitrary(), (session, offset) =>
        {
            var tally = session.Tally with { Abstention = Math.Max(0, session.Tally.Abstention + offset) };
            var result = VoteLaw.Count(session.Attendance, tally, session.SecretBallot, session.PresidentFor, VoteRuleBook.Ordinary);
            var sums = tally.For + tally.Against + tally.Abstention == session.ExpectedVoters;
            return sums ? result.IsOk : result.Refusals.Any(r => r.Code == "vote.tally" && r.Field == "tally");
        });

    private static Session Build(int inOffice, int presentCount, int proxyCount, IList<bool> interestedFlags, (int, int) split, bool forceTie, bool secret, bool presidentFor)
    {
        var present = Enumerable.Range(1, presentCount).Select(i => $"Mme Présente N°{i}").ToList();
        var absent = Enumerable.Range(1, inOffice - presentCount).Select(i => $"M. Absent N°{i}").ToList();
        // The first proxyCount present members hold the proxies of the first proxyCount absent ones, written
        // differently (no title, upper case, no accent) as clerks do.
        var proxies = Enumerable.Range(0, proxyCount)
            .Select(i => new Proxy($"ABSENT N°{i + 1}", $"PRESENTE N°{i + 1}"))
            .ToList();
        var members = present.Concat(absent).ToList();
        // A proxy holder cannot be interested (refused), so the flags apply to the other members only.
        var interested = members.Where((name, i) => interestedFlags[i] && (i >= presentCount || i >= proxyCount)).ToList();

        var interestedPresent = present.Count(interested.Contains);
        var proxiesCast = Enumerable.Range(0, proxyCount).Count(i => !interested.Contains(absent[i]));
        var voters = presentCount - interestedPresent + proxiesCast;

        var @for = split.Item1 % (voters + 1);
        // Ties are rare in random splits; force some so that the casting-vote rule is exercised.
        var against = forceTie && 2 * @for <= voters ? @for : split.Item2 % (voters - @for + 1);
        var tally = new Tally(@for, against, voters - @for - against);
        return new Session(new Attendance(inOffice, present, absent, proxies, interested), voters, tally, secret, presidentFor);
    }
}
