using Approvals.Clock;

namespace Approvals.Server;

/// <summary>
/// The <c>Clock</c> section: the Durable Task Framework engine that runs the dossiers' clocks in the server, over the
/// same storage account as the data (its own task hub). See docs/operations.md.
/// </summary>
public sealed record ClockEngineOptions
{
    public const string Section = "Clock";

    /// <summary>False runs no clock (tests that drive deadlines themselves): nothing fires on its own.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The task hub: its queues, tables and lease container are named after it in the storage account.</summary>
    public string TaskHub { get; init; } = "ApprovalsServer";

    /// <summary>
    /// Stable across restarts, never the host name: a worker that comes back under the same id takes its partition
    /// leases back at once, where a new id waits for the old leases to expire (about 30 s).
    /// </summary>
    public string WorkerId { get; init; } = "approvals-server";

    /// <summary>How long an idle worker waits between queue polls at most (1–2 s when the API and the worker are separate processes).</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int PartitionCount { get; init; } = 2;

    /// <summary>How often the reconciliation restarts clocks that are missing or failed, and purges ended ones.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Completed clocks are purged this long after they ended (Azurite and table scans slow down as history grows).</summary>
    public TimeSpan PurgeCompletedAfter { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan MaxWait { get; init; } = ClockTimings.Default.MaxWait;

    public TimeSpan FirstRetry { get; init; } = ClockTimings.Default.FirstRetry;

    public int Attempts { get; init; } = ClockTimings.Default.Attempts;

    public TimeSpan AfterFailure { get; init; } = ClockTimings.Default.AfterFailure;

    public ClockTimings Timings => new(MaxWait, FirstRetry, Attempts, AfterFailure);
}
