namespace Approvals.Application;

/// <summary>The input of the orchestration's <c>FireDeadline</c> activity: two ids and the instant it was due (for the lateness metric), recorded in the orchestration's history.</summary>
public sealed record DeadlineToFire(string DossierId, string DeadlineId, DateTime? DueUtc = null);
