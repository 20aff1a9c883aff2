namespace Approvals.Domain.Tests;

/// <summary>Given(commands) / When(command) / Then(events or refusal): the decider driven as the register would be.</summary>
public sealed class Given
{
    private readonly List<DossierEvent> events = [];

    private Given(Dossier state) => State = state;

    public Dossier State { get; private set; }

    public IReadOnlyList<DossierEvent> Events => events;

    public static Given Dossier(IEnumerable<(DossierCommand Command, DateTimeOffset Now)> history)
    {
        var given = new Given(Domain.Dossier.Empty);
        foreach (var (command, now) in history)
        {
            given.Apply(command, now);
        }

        return given;
    }

    public static Given SeedThrough(int steps) => Dossier(SeedDossier.ThroughPayment.Take(steps));

    /// <summary>Decides and applies; fails the test when the command is refused.</summary>
    public Given Apply(DossierCommand command, DateTimeOffset now)
    {
        var result = Workflow.Decide(State, command, now);
        Assert.True(result.IsOk, result.IsOk ? "" : $"{command.GetType().Name} refused: {string.Join(" | ", result.Refusals.Select(r => r.Message))}");
        foreach (var e in result.Unwrap())
        {
            events.Add(e);
            State = Workflow.Evolve(State, e);
        }

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
