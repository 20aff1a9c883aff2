namespace Approvals.Application;

/// <summary>The result of checking a register's hash chain: where it first breaks, and how, in French.</summary>
public sealed record RegisterVerification(bool Valid, int Events, long? FirstBrokenSequence, string? Problem);
