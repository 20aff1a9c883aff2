using Approvals.Application;
using Microsoft.DurableTask;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// Activities whose answers the test scripts, for tests about the engine rather than the dossier: the next deadline is
/// an instant seconds away in real time, which no real dossier's deadline (the end of a French day) can be.
/// </summary>
public sealed class ScriptedClockActivities
{
    private int plans;
    private int fires;

    /// <summary>What <c>NextDeadline</c> answers; after the deadline has fired, the clock waits for a change.</summary>
    public DateTime DueUtc { get; set; }

    /// <summary>When set, <c>FireDeadline</c> waits for it before answering.</summary>
    public TaskCompletionSource? FireGate { get; set; }

    public TaskCompletionSource FireStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Plans => Volatile.Read(ref plans);

    public int Fires => Volatile.Read(ref fires);

    public DateTime? FiredAtUtc { get; private set; }

    public ITaskActivity NextDeadline() => new Next(this);

    public ITaskActivity FireDeadline() => new Fire(this);

    private sealed class Next(ScriptedClockActivities script) : TaskActivity<string, NextDeadlineResult>
    {
        public override Task<NextDeadlineResult> RunAsync(TaskActivityContext context, string input)
        {
            Interlocked.Increment(ref script.plans);
            return Task.FromResult(script.Fires == 0
                ? new NextDeadlineResult("payment-window", script.DueUtc, false)
                : new NextDeadlineResult(null, null, false));
        }
    }

    private sealed class Fire(ScriptedClockActivities script) : TaskActivity<DeadlineToFire, FireResult>
    {
        public override async Task<FireResult> RunAsync(TaskActivityContext context, DeadlineToFire input)
        {
            script.FireStarted.TrySetResult();
            if (script.FireGate is { } gate)
            {
                await gate.Task;
            }

            script.FiredAtUtc ??= DateTime.UtcNow;
            Interlocked.Increment(ref script.fires);
            return FireResult.Done;
        }
    }
}
