namespace Approvals.Domain;

/// <summary>
/// The rules of a deliberative vote: quorum and proxies per holder as the rules of the session's date set them
/// (<see cref="VoteRuleBook"/>), proxies only from absent members, interested members cast no vote, the tally matches
/// the voters, adoption by a majority of votes cast (CGCT L2121-20), the president's casting vote on a tie (not in a
/// secret ballot, nor when the president takes no part). Names are compared without case and accents ("Benoit" and
/// "Benoît" are the same member, as in the seed).
/// </summary>
public static class VoteLaw
{
    /// <summary>The ordinary quorum, a majority of the members in office (CGCT L2121-17): 32 → 17.</summary>
    public static int Quorum(int membersInOffice) => VoteRuleBook.Ordinary.Quorum(membersInOffice);

    /// <summary>
    /// CGCT L2121-17 (and the derogations, which keep it): when the quorum is not reached, the body is convened again at
    /// least three days later and then deliberates without quorum.
    /// </summary>
    public static bool IsSecondConvocation(DateOnly sessionDate, IEnumerable<DateOnly> sessionsWithoutQuorum) =>
        sessionsWithoutQuorum.Any(failed => sessionDate >= failed.AddDays(3));

    /// <summary>
    /// Checks the attendance and the tally, then decides the outcome. Every refusal found in the attendance is
    /// returned at once; the tally is compared with the voters only once the attendance is sound.
    /// </summary>
    /// <remarks>
    /// An interested member cannot cast a vote, their own or a proxy's. A proxy held by an interested member is
    /// refused (<c>vote.proxy-held-by-interested</c>) rather than silently left out of the count: the absent
    /// member's vote would otherwise be lost without anyone deciding it, so the secretariat must re-assign the
    /// proxy to another present member or drop it. A proxy given by an interested (absent) member is valid but
    /// not counted: that member takes no part in the vote.
    /// A tally with no votes cast at all (everyone abstains) is not a tie: the proposal is rejected and no
    /// casting vote is asked for.
    /// </remarks>
    /// <param name="presidentVotesFor">The president's vote, needed only to break a tie in a public ballot.</param>
    /// <param name="rules">The rules in force on the session's date.</param>
    /// <param name="quorumWaived">A second convocation after a session without quorum: it deliberates without quorum (L2121-17).</param>
    /// <param name="officers">Who presided and who was secretary, when recorded: both must be present members.</param>
    public static Result<VoteCount> Count(
        Attendance attendance, Tally tally, bool secretBallot, bool? presidentVotesFor, VoteRules rules, bool quorumWaived = false, SessionOfficers? officers = null)
    {
        if (attendance.MembersInOffice < 1)
        {
            return Refusal.Invalid(
                "vote.members-in-office",
                "attendance.membersInOffice",
                "Membres en exercice",
                $"Le nombre de membres en exercice doit être d'au moins 1 ({attendance.MembersInOffice} indiqué).");
        }

        var refusals = CheckAttendance(attendance, rules, quorumWaived);
        refusals.AddRange(CheckOfficers(officers, attendance));
        refusals.AddRange(CheckTallySigns(tally));
        if (refusals.Count > 0)
        {
            return Result<VoteCount>.Refused(refusals);
        }

        var voters = CountVoters(attendance);
        long counted = (long)tally.For + tally.Against + tally.Abstention;
        if (counted != voters.Total)
        {
            return Refusal.Invalid(
                "vote.tally",
                "tally",
                "Pour + contre + abstention = votants",
                $"Le décompte (pour {tally.For} + contre {tally.Against} + abstention {tally.Abstention} = {counted}) ne correspond pas aux "
                + $"{voters.Total} votants (présents {voters.Present} + procurations {voters.Proxies} − intéressés {voters.Excluded}).");
        }

        return Decide(attendance, tally, voters, secretBallot, presidentVotesFor, rules, quorumWaived, PresidentVotes(officers, attendance));
    }

    /// <summary>The president has no casting vote when they take no part in the vote, of their own accord or as an interested member.</summary>
    private static bool PresidentVotes(SessionOfficers? officers, Attendance attendance) =>
        officers is null || (officers.PresidentTookPart && !attendance.Interested.Any(i => MemberName.Same(i, officers.President)));

    private static Result<VoteCount> Decide(
        Attendance attendance, Tally tally, Voters voters, bool secretBallot, bool? presidentVotesFor, VoteRules rules, bool quorumWaived, bool presidentVotes)
    {
        var quorum = quorumWaived ? 0 : rules.Quorum(attendance.MembersInOffice);
        var votesCast = tally.For + tally.Against;
        var tie = votesCast > 0 && tally.For == tally.Against;
        if (tie && !presidentVotes && presidentVotesFor is not null)
        {
            return Refusal.Invalid(
                "vote.casting-vote-without-president",
                "presidentVotesFor",
                "Pas de voix prépondérante sans vote du président",
                "Le président n'a pas pris part au vote : il n'a pas de voix prépondérante, et le partage égal des voix vaut rejet.");
        }

        if (tie && !secretBallot && presidentVotes && presidentVotesFor is null)
        {
            return Refusal.Invalid(
                "vote.casting-vote-missing",
                "presidentVotesFor",
                "Voix prépondérante du président",
                $"Partage égal des voix (pour {tally.For}, contre {tally.Against}) en scrutin public : la voix du président est "
                + "prépondérante ; indiquez s'il a voté pour ou contre.");
        }

        var castingVoteUsed = tie && !secretBallot && presidentVotes;
        var adopted = tally.For > tally.Against || (castingVoteUsed && presidentVotesFor == true);
        return Result<VoteCount>.Ok(new VoteCount(
            quorum,
            voters.Present,
            voters.Total,
            votesCast,
            adopted ? VoteOutcome.Adopted : VoteOutcome.Rejected,
            Unanimous: adopted && tally.For > 0 && tally.Against == 0,
            castingVoteUsed)
        {
            SecretBallotTie = tie && secretBallot,
            QuorumWaived = quorumWaived,
            TieWithoutCastingVote = tie && !secretBallot && !presidentVotes,
            RulesSource = rules.Source,
        });
    }

    /// <summary>Voters = present members not interested + proxies whose holder and giver are not interested.</summary>
    private static Voters CountVoters(Attendance attendance)
    {
        var interested = attendance.Interested.Select(MemberName.Normalize).ToHashSet();
        var present = attendance.Present.Count;
        var interestedPresent = attendance.Present.Count(p => interested.Contains(MemberName.Normalize(p)));
        var proxiesCast = attendance.Proxies.Count(p =>
            !interested.Contains(MemberName.Normalize(p.Giver)) && !interested.Contains(MemberName.Normalize(p.Holder)));
        var excluded = interestedPresent + (attendance.Proxies.Count - proxiesCast);
        return new Voters(present, attendance.Proxies.Count, excluded, present - interestedPresent + proxiesCast);
    }

    private static List<Refusal> CheckAttendance(Attendance attendance, VoteRules rules, bool quorumWaived)
    {
        var refusals = new List<Refusal>();
        var present = new HashSet<string>();
        var absent = new HashSet<string>();
        var interested = new HashSet<string>();

        for (var i = 0; i < attendance.Present.Count; i++)
        {
            var name = attendance.Present[i];
            var field = $"attendance.present[{i}]";
            if (Blank(name, field) is { } blank)
            {
                refusals.Add(blank);
            }
            else if (!present.Add(MemberName.Normalize(name)))
            {
                refusals.Add(Duplicate(field, $"« {name.Trim()} » figure deux fois parmi les présents"));
            }
        }

        for (var i = 0; i < attendance.Absent.Count; i++)
        {
            var name = attendance.Absent[i];
            var field = $"attendance.absent[{i}]";
            if (Blank(name, field) is { } blank)
            {
                refusals.Add(blank);
            }
            else if (present.Contains(MemberName.Normalize(name)))
            {
                refusals.Add(Duplicate(field, $"« {name.Trim()} » figure à la fois parmi les présents et parmi les absents"));
            }
            else if (!absent.Add(MemberName.Normalize(name)))
            {
                refusals.Add(Duplicate(field, $"« {name.Trim()} » figure deux fois parmi les absents"));
            }
        }

        for (var i = 0; i < attendance.Interested.Count; i++)
        {
            var name = attendance.Interested[i];
            var field = $"attendance.interested[{i}]";
            if (Blank(name, field) is { } blank)
            {
                refusals.Add(blank);
            }
            else if (!present.Contains(MemberName.Normalize(name)) && !absent.Contains(MemberName.Normalize(name)))
            {
                refusals.Add(Refusal.Invalid(
                    "vote.interested-unknown",
                    field,
                    "Membre intéressé inscrit sur la feuille de présence",
                    $"« {name.Trim()} » est déclaré intéressé mais ne figure ni parmi les présents ni parmi les absents : "
                    + "un conseiller intéressé est un membre de l'assemblée."));
            }
            else if (!interested.Add(MemberName.Normalize(name)))
            {
                refusals.Add(Duplicate(field, $"« {name.Trim()} » figure deux fois parmi les intéressés"));
            }
        }

        var listed = attendance.Present.Count + attendance.Absent.Count;
        if (listed != attendance.MembersInOffice)
        {
            refusals.Add(Refusal.Invalid(
                "vote.attendance",
                "attendance.absent",
                "Présents + absents = membres en exercice",
                $"Présents et absents ne font pas le nombre de membres en exercice : {attendance.Present.Count} présents + "
                + $"{attendance.Absent.Count} absents = {listed}, pour {attendance.MembersInOffice} membres en exercice."));
        }

        var quorum = rules.Quorum(attendance.MembersInOffice);
        var counted = present.Count + (rules.ProxiesCountTowardsQuorum ? attendance.Proxies.Count : 0);
        if (!quorumWaived && counted < quorum)
        {
            refusals.Add(Refusal.Invalid(
                "vote.quorum",
                "attendance.present",
                $"Quorum : {rules.QuorumWording} ({rules.Source})",
                $"Quorum non atteint : {counted} membres {(rules.ProxiesCountTowardsQuorum ? "présents ou représentés" : "présents")}, "
                + $"{quorum} requis sur {attendance.MembersInOffice} membres en exercice ({rules.QuorumWording}, {rules.Source})."));
        }

        refusals.AddRange(CheckProxies(attendance.Proxies, present, absent, interested, rules));
        return refusals;
    }

    private static List<Refusal> CheckProxies(
        IReadOnlyList<Proxy> proxies, HashSet<string> present, HashSet<string> absent, HashSet<string> interested, VoteRules rules)
    {
        var refusals = new List<Refusal>();
        var givers = new Dictionary<string, string>();
        var holders = new Dictionary<string, List<string>>();
        for (var i = 0; i < proxies.Count; i++)
        {
            var (giver, holder) = (proxies[i].Giver, proxies[i].Holder);
            var giverField = $"attendance.proxies[{i}].giver";
            var holderField = $"attendance.proxies[{i}].holder";
            var blanks = new[] { Blank(giver, giverField), Blank(holder, holderField) }.OfType<Refusal>().ToList();
            if (blanks.Count > 0)
            {
                refusals.AddRange(blanks);
                continue;
            }

            var (giverKey, holderKey) = (MemberName.Normalize(giver), MemberName.Normalize(holder));
            var proxy = $"Procuration de « {giver.Trim()} » à « {holder.Trim()} »";
            if (!absent.Contains(giverKey))
            {
                refusals.Add(Refusal.Invalid(
                    "vote.proxy-giver-not-absent",
                    giverField,
                    "Procuration donnée par un membre absent",
                    $"{proxy} : seul un membre absent donne procuration, et « {giver.Trim()} » n'est pas inscrit parmi les absents."));
            }
            else if (givers.TryGetValue(giverKey, out var earlierHolder))
            {
                refusals.Add(Refusal.Invalid(
                    "vote.proxy-giver-multiple",
                    giverField,
                    "Une procuration au plus par membre absent",
                    $"{proxy} : « {giver.Trim()} » a déjà donné procuration à « {earlierHolder} » ; un membre absent ne donne qu'une procuration."));
            }
            else
            {
                givers.Add(giverKey, holder.Trim());
            }

            if (!present.Contains(holderKey))
            {
                refusals.Add(Refusal.Invalid(
                    "vote.proxy-holder-not-present",
                    holderField,
                    "Procuration détenue par un membre présent",
                    $"{proxy} : seul un membre présent détient une procuration, et « {holder.Trim()} » n'est pas inscrit parmi les présents."));
            }
            else if (interested.Contains(holderKey))
            {
                refusals.Add(Refusal.Invalid(
                    "vote.proxy-held-by-interested",
                    holderField,
                    "Un membre intéressé ne vote ni pour lui-même ni par procuration",
                    $"{proxy} : « {holder.Trim()} » est intéressé à l'affaire et ne prend pas part au vote ; il ne peut exercer cette "
                    + "procuration. Confiez-la à un autre membre présent ou retirez-la."));
            }
            else if (holders.TryGetValue(holderKey, out var earlierGivers) && earlierGivers.Count >= rules.MaxProxiesPerHolder)
            {
                var most = rules.MaxProxiesPerHolder == 1 ? "une procuration" : $"{rules.MaxProxiesPerHolder} procurations";
                refusals.Add(Refusal.Invalid(
                    "vote.proxy-holder-multiple",
                    holderField,
                    $"Au plus {most} par membre présent ({rules.Source})",
                    $"{proxy} : « {holder.Trim()} » détient déjà la procuration de « {string.Join(" » et « ", earlierGivers)} » ; "
                    + $"un membre ne détient pas plus de {most} à la date de la séance."));
            }
            else if (earlierGivers is not null)
            {
                earlierGivers.Add(giver.Trim());
            }
            else
            {
                holders.Add(holderKey, [giver.Trim()]);
            }
        }

        return refusals;
    }

    /// <summary>The president and the secretary of the session (CGCT L2121-14, L2121-15) are members present at it.</summary>
    private static IEnumerable<Refusal> CheckOfficers(SessionOfficers? officers, Attendance attendance)
    {
        if (officers is null)
        {
            yield break;
        }

        foreach (var (name, field, label) in new[] { (officers.President, "officers.president", "Le président de séance"), (officers.Secretary, "officers.secretary", "Le secrétaire de séance") })
        {
            if (Blank(name, field) is { } blank)
            {
                yield return blank;
            }
            else if (!attendance.Present.Any(p => MemberName.Same(p, name)))
            {
                yield return Refusal.Invalid(
                    "vote.officer-not-present",
                    field,
                    "Président et secrétaire de séance parmi les présents",
                    $"{label} « {name.Trim()} » ne figure pas parmi les membres présents.");
            }
        }
    }

    private static IEnumerable<Refusal> CheckTallySigns(Tally tally)
    {
        var counts = new[] { ("tally.for", "pour", tally.For), ("tally.against", "contre", tally.Against), ("tally.abstention", "abstention", tally.Abstention) };
        foreach (var (field, label, value) in counts)
        {
            if (value < 0)
            {
                yield return Refusal.Invalid(
                    "vote.tally-negative",
                    field,
                    "Décompte positif ou nul",
                    $"Le décompte ne peut pas être négatif : {label} {value}.");
            }
        }
    }

    private static Refusal? Blank(string? name, string field) =>
        string.IsNullOrWhiteSpace(name) || MemberName.Normalize(name).Length == 0
            ? Refusal.Invalid(
                "vote.member-name",
                field,
                "Nom de membre",
                "Le nom du membre est vide : chaque présent, absent, mandant, mandataire et intéressé est désigné par son nom.")
            : null;

    private static Refusal Duplicate(string field, string what) =>
        Refusal.Invalid(
            "vote.attendance-duplicate",
            field,
            "Un membre figure une seule fois sur la feuille de présence",
            $"{what} : un membre ne figure qu'une fois sur la feuille de présence.");

    private sealed record Voters(int Present, int Proxies, int Excluded, int Total);
}
