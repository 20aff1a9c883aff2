namespace Approvals.Application;

/// <summary>Settings of the outbox (section <c>Outbox</c>).</summary>
public sealed record OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// How long the process that committed a command has its outbox to itself before the sweep may take it over:
    /// well above a mail's slowest retries (15–22 s), so that the sweep never sends what is being sent.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Commits waiting for the immediate dispatch; beyond it a commit is left to the sweep.</summary>
    public int SignalCapacity { get; init; } = 1000;
}
