using Approvals.Domain;

namespace Approvals.Api;

/// <summary>What the vote form sends to see the count before recording it; the session's date chooses the rules (today when absent).</summary>
public sealed record VotePreviewBody(Attendance Attendance, Tally Tally, bool SecretBallot, bool? PresidentVotesFor, DateOnly? SessionDate = null, SessionOfficers? Officers = null);
