namespace Approvals.Application;

/// <summary>
/// A request submitted through the portal: the dossier it created, the address that submitted it (its session sees
/// only these dossiers), when, the sworn statement's instant, the agents' check before instruction, and the authority it
/// was addressed to (null: the first), whose inbox lists it.
/// </summary>
public sealed record PortalSubmission(string DossierId, string Number, string Address, DateTimeOffset SubmittedAt, PortalCheck? Check = null, string? AuthorityId = null);

/// <summary>An agent's check of a portal request before instruction: complete, or documents missing (named in the note).</summary>
public sealed record PortalCheck(PortalCheckOutcome Outcome, string Note, string By, DateTimeOffset At);

public enum PortalCheckOutcome
{
    Complete,
    DocumentsMissing,
}
