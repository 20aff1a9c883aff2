namespace Approvals.Finance;

/// <summary>One year of a programme: its phase (null when no phase covers it), each funder's amounts and their total.</summary>
public sealed record ProgrammeYear(int Year, string? Phase, IReadOnlyList<FunderAmounts> Funders, ProgrammeAmounts Totals);
