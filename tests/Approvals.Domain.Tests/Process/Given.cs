namespace Approvals.Domain.Tests;

/// <summary>Given(commands) / When(command) / Then(events or refusal): the decider driven as the register would be.</summary>
public sealed class Given
{
    private readonly SeedHistory history;

    private Given(SeedHistory history) => this.history = history;

    public Dossier State => history.State;

    public IReadOnlyList<DossierEvent> Events => history.Events;

    public static Given Dossier(IEnumerable<(DossierCommand Command, DateTimeOffset Now)> history) => new(SeedHistory.Of(history));

    public static Given SeedThrough(int steps) => new(SeedHistory.Through(steps));

    /// <summary>Decides and applies; fails the test when the command is refused.</summary>
    public Given Apply(DossierCommand command, DateTimeOffset now)
    {
        history.Apply(command, now);
        return this;
    }

    public IReadOnlyList<DossierEvent> When(DossierCommand command, DateTimeOffset now)
    {
        var result = Workflow.Decide(State, command, now);
        Assert.True(result.IsOk, result.IsOk ? "" : string.Join(" | ", result.Refusals.Select(r => r.Message)));
        return result.Unwrap();
    }

    public Refusal WhenRefused(DossierCommand command, DateTimeOffset now, string code)
    {
        var result = Workflow.Decide(State, command, now);
        Assert.False(result.IsOk, $"{command.GetType().Name} was accepted; expected refusal {code}.");
        Assert.Null(result.Value);
        return Assert.Single(result.Refusals, r => r.Code == code);
    }
}
