namespace Approvals.Finance;

/// <summary>
/// What one funder brings. For this authority the figures are the tranches' own (voted, paid, still committed and
/// unpaid); for the other funders they are the provisional amounts of the tranches' budgets: <see cref="Provisional"/>
/// is then true and nothing is known as paid.
/// </summary>
public sealed record FunderAmounts(string Funder, bool ThisAuthority, ProgrammeAmounts Amounts)
{
    public bool Provisional => !ThisAuthority;
}
