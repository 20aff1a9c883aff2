using Approvals.Domain;

namespace Approvals.Application;

/// <summary>What a dossier's clock does next: stop, sleep until a deadline, or sleep until the dossier changes.</summary>
public abstract record ClockStep
{
    private ClockStep()
    {
    }

    /// <summary>The dossier has ended: no deadline can open again, the clock stops.</summary>
    public sealed record Complete : ClockStep;

    /// <summary>Sleep until <paramref name="Deadline"/> is due (or the dossier changes first).</summary>
    public sealed record WaitUntil(Deadline Deadline) : ClockStep;

    /// <summary>Nothing is scheduled: sleep until a command changes the dossier.</summary>
    public sealed record WaitForChange : ClockStep;
}
