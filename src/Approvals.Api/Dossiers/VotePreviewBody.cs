using Approvals.Domain;

namespace Approvals.Api;

/// <summary>What the vote form sends to see the count before recording it.</summary>
public sealed record VotePreviewBody(Attendance Attendance, Tally Tally, bool SecretBallot, bool? PresidentVotesFor);
