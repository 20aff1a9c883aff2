namespace Approvals.Finance;

/// <summary>Voted, paid and still expected for one funder, one year or the whole programme.</summary>
public sealed record ProgrammeAmounts(decimal Voted, decimal Paid, decimal StillExpected)
{
    public static ProgrammeAmounts Zero { get; } = new(0m, 0m, 0m);

    public static ProgrammeAmounts Sum(IEnumerable<ProgrammeAmounts> amounts) =>
        amounts.Aggregate(Zero, (total, a) => new ProgrammeAmounts(total.Voted + a.Voted, total.Paid + a.Paid, total.StillExpected + a.StillExpected));
}
