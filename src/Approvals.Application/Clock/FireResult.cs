namespace Approvals.Application;

/// <summary>What the orchestration's <c>FireDeadline</c> activity did with a deadline whose timer won.</summary>
public enum FireResult
{
    /// <summary>Fired: its events are recorded (or it had fired before, or no longer applies: nothing to do).</summary>
    Done,

    /// <summary>The timer woke a little early (timers may fire up to a second before their due time): plan again.</summary>
    NotDueYet,

    /// <summary>The dossier does not exist (any more).</summary>
    Gone,
}
