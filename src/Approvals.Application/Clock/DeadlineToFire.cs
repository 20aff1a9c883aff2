namespace Approvals.Application;

/// <summary>The input of the orchestration's <c>FireDeadline</c> activity: two ids, recorded in the orchestration's history.</summary>
public sealed record DeadlineToFire(string DossierId, string DeadlineId);
