using Approvals.Domain;

namespace Approvals.Finance.Tests;

/// <summary>A dossier taken through its commands by the domain itself: the events recorded and the state they fold into.</summary>
public sealed class History
{
    private readonly List<DossierEvent> events = [];

    public Dossier State { get; private set; } = Dossier.Empty;

    public IReadOnlyList<DossierEvent> Events => events;

    public static History Of(IEnumerable<(DossierCommand Command, DateTimeOffset Now)> commands)
    {
        var history = new History();
        foreach (var (command, now) in commands)
        {
            history.Apply(command, now);
        }

        return history;
    }

    /// <summary>Decides and applies; fails the test when the command is refused.</summary>
    public History Apply(DossierCommand command, DateTimeOffset now)
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
}
