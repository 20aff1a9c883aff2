namespace Approvals.Domain;

/// <summary>
/// Who presided the session and who acted as its secretary (CGCT L2121-14, L2121-15; seed 004: Anne VIGNOT presided,
/// Yves GUYEN was secretary). <paramref name="PresidentTookPart"/> is false when the president took no part in the vote
/// (for instance withdrew for it): the president then has no casting vote.
/// </summary>
public sealed record SessionOfficers(string President, string Secretary, bool PresidentTookPart = true);
