using Approvals.Domain;

namespace Approvals.Seeds;

/// <summary>
/// The bureau session of 9 June 2022 of Grand Besançon Métropole (seed 004), names exactly as the register lists
/// them: "M. Benoit VUILLEMIN" is present and "Benoît VUILLEMIN" interested — the same member.
/// </summary>
public static class SeedDeliberation
{
    public const int MembersInOffice = 32;

    public static readonly IReadOnlyList<string> Present =
    [
        "Mme Frédérique BAEHR", "Mme Catherine BARTHELET", "M. Gabriel BAULIEU", "Mme Marie-Jeanne BERNABEU",
        "M. Nicolas BODIN", "M. François BOUSSO", "M. Sébastien COUDRY", "Mme Marie ETEVENARD", "M. Marcel FELT",
        "Mme Lorine GAGLIOLO", "M. Gilbert GAVIGNET", "M. Olivier GRIMAITRE", "M. Yves GUYEN", "M. Daniel HUOT",
        "M. Michel JASSEY", "M. Frank LAIDIE", "M. Christophe LIME", "M. Christian MAGNIN-FEYSOT", "M. Yves MAURICE",
        "M. Jean-Paul MICHAUD", "M. Anthony NAPPEZ", "M. Gilles ORY", "Mme Françoise PRESSE", "M. Pascal ROUTHIER",
        "M. Nathan SOURISSEAU", "M. Fabrice TAILLARD", "Mme Anne VIGNOT", "M. Benoit VUILLEMIN", "Mme Marie ZEHAF",
    ];

    public static readonly IReadOnlyList<string> Absent = ["Mme Anne BENEDETTO", "M. Denis JACQUIN", "M. Aurélien LAROPPE"];

    public static readonly IReadOnlyList<Proxy> Proxies =
    [
        new("M. Denis JACQUIN", "M. Frank LAIDIE"),
        new("M. Aurélien LAROPPE", "M. Nathan SOURISSEAU"),
    ];

    public static readonly IReadOnlyList<string> Interested = ["Sébastien COUDRY", "Benoît VUILLEMIN"];

    /// <summary>29 for, 0 against, 0 abstention: adopted unanimously.</summary>
    public static readonly Tally Tally = new(29, 0, 0);

    public static Attendance Attendance => new(MembersInOffice, Present, Absent, Proxies, Interested);
}
