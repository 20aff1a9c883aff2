namespace Approvals.Domain;

/// <summary>
/// The vote rules in force on a session's date, for municipal and intercommunal deliberative bodies and the bureaux of
/// EPCI with their own taxation (Grand Besançon Métropole's bureau, seed 004). Periods as Légifrance gives the
/// successive texts; each bound is inclusive.
/// </summary>
public static class VoteRuleBook
{
    /// <summary>
    /// CGCT L2121-17 (quorum: a majority of the members in office present; after a second convocation at least three
    /// days later, no quorum), L2121-20 (a member holds at most one proxy), applied to EPCI through L5211-1 and to their
    /// bureaux through L5211-10.
    /// </summary>
    public static readonly VoteRules Ordinary = new(2, false, 1, "CGCT, art. L2121-17 et L2121-20");

    /// <summary>
    /// Loi n°2020-290 du 23 mars 2020, art. 10, as first enacted (in force 24 March 2020): one third of the members in
    /// office present, two proxies per member.
    /// </summary>
    public static readonly VoteRules Emergency2020 = new(3, false, 2, "loi n°2020-290, art. 10");

    /// <summary>
    /// Loi n°2020-290 du 23 mars 2020, art. 10, in the wording of ordonnance n°2020-391 du 1er avril 2020 (art. 1er)
    /// and ordonnance n°2020-562 du 13 mai 2020: one third of the members in office "présents ou représentés", two
    /// proxies per member. Published on 2 April 2020; replaced on 11 July 2020.
    /// </summary>
    public static readonly VoteRules Spring2020 = new(3, true, 2, "loi n°2020-290, art. 10, rédaction de l'ordonnance n°2020-391");

    /// <summary>
    /// Loi n°2020-290, art. 10, in the wording of loi n°2020-760 du 22 juin 2020 (in force 11 July 2020, Légifrance
    /// LEGIARTI000042026560): one third of the members in office present, two proxies, until 30 August 2020.
    /// </summary>
    public static readonly VoteRules Summer2020 = new(3, false, 2, "loi n°2020-290, art. 10, rédaction de la loi n°2020-760");

    /// <summary>
    /// Loi n°2020-1379 du 14 novembre 2020, art. 6 (in force on its publication, 15 November 2020), extended by loi
    /// n°2021-160 du 15 février 2021 and loi n°2021-689 du 31 mai 2021, art. 6, until 30 September 2021: one third
    /// present, two proxies.
    /// </summary>
    public static readonly VoteRules Crisis2020To2021 = new(3, false, 2, "loi n°2020-1379, art. 6, prorogé par la loi n°2021-689");

    /// <summary>
    /// Loi n°2021-1465 du 10 novembre 2021 portant diverses dispositions de vigilance sanitaire, art. 10 (published on
    /// 11 November 2021, in force the next day, Code civil art. 1er), until
    /// 31 July 2022 (the text in force on 9 June 2022, seed 004's session): one third present, two proxies. Loi
    /// n°2022-1089 du 30 juillet 2022 ended the exceptional regimes without extending it: the ordinary rules apply
    /// again from 1 August 2022.
    /// </summary>
    public static readonly VoteRules Vigilance2021To2022 = new(3, false, 2, "loi n°2021-1465, art. 10");

    private static readonly (DateOnly From, DateOnly To, VoteRules Rules)[] Derogations =
    [
        (new(2020, 3, 24), new(2020, 4, 1), Emergency2020),
        (new(2020, 4, 2), new(2020, 7, 10), Spring2020),
        (new(2020, 7, 11), new(2020, 8, 30), Summer2020),
        (new(2020, 11, 15), new(2021, 9, 30), Crisis2020To2021),
        (new(2021, 11, 12), new(2022, 7, 31), Vigilance2021To2022),
    ];

    public static VoteRules For(DateOnly sessionDate) =>
        Derogations.FirstOrDefault(d => d.From <= sessionDate && sessionDate <= d.To).Rules ?? Ordinary;
}
