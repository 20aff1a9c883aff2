namespace Approvals.Application;

/// <summary>
/// Who may do what (DOMAIN.md, "People"). <see cref="Administrator"/> assigns roles to people and does nothing else;
/// <see cref="System"/> is the clock and the dispatcher, never a person.
/// </summary>
public enum Role
{
    CaseOfficer,
    Secretariat,
    Finance,
    Reader,
    System,
    Administrator,
}
