using Approvals.Domain;

namespace Approvals.Seeds;

/// <summary>
/// The bureau session of 9 June 2022 of Grand Besançon Métropole (seed 004), names exactly as the register lists
/// them: "M. Benoit VUILLEMIN" is present and "Benoît VUILLEMIN" interested — the same member.
/// </summary>
public static class SeedDeliberation
{
    public static int MembersInOffice => Attendance.MembersInOffice;

    public static IReadOnlyList<string> Present => Attendance.Present;

    public static IReadOnlyList<string> Absent => Attendance.Absent;

    public static IReadOnlyList<Proxy> Proxies => Attendance.Proxies;

    public static IReadOnlyList<string> Interested => Attendance.Interested;

    /// <summary>29 for, 0 against, 0 abstention: adopted unanimously.</summary>
    public static Tally Tally => SeedDossier.Vote.Tally;

    /// <summary>The attendance as the demo script gives it.</summary>
    public static Attendance Attendance => SeedDossier.Vote.Attendance;
}
