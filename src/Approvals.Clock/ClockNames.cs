namespace Approvals.Clock;

/// <summary>The names under which both hosts register the clock's orchestrator, activities and event.</summary>
public static class ClockNames
{
    public const string Orchestrator = "DossierClockOrchestrator";
    public const string NextDeadline = "NextDeadline";
    public const string FireDeadline = "FireDeadline";
    public const string DossierChanged = "DossierChanged";
}
