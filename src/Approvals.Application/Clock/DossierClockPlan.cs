using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The decision at the heart of the Function App's per-dossier orchestration, kept out of the Durable Functions SDK
/// so that it can be tested here: given the dossier's state, what does its clock wait for?
/// </summary>
public static class DossierClockPlan
{
    public static ClockStep Next(Dossier state) =>
        state.IsEnded ? new ClockStep.Complete()
        : Workflow.Deadlines(state).MinBy(d => d.DueAt) is { } earliest ? new ClockStep.WaitUntil(earliest)
        : new ClockStep.WaitForChange();
}
