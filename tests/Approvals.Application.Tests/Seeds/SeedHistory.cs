using Approvals.Domain;

namespace Approvals.Application.Tests;

/// <summary>A dossier taken through the real decider: each command decided, its events folded, refusals failing the test.</summary>
public sealed class SeedHistory
{
    private readonly List<DossierEvent> events = [];

    public Dossier State { get; private set; } = Dossier.Empty;

    public IReadOnlyList<DossierEvent> Events => events;

    /// <summary>The seed dossier after its first <paramref name="steps"/> commands (5: signed, 6: notified, 7: payment requested, 8: paid).</summary>
    public static SeedHistory Through(int steps)
    {
        var history = new SeedHistory();
        foreach (var (command, now) in SeedDossier.ThroughPayment.Take(steps))
        {
            history.Apply(command, now);
        }

        return history;
    }

    public SeedHistory Apply(DossierCommand command, DateTimeOffset now)
    {
        var result = Workflow.Decide(State, command, now);
        Assert.True(result.IsOk, result.IsOk ? "" : $"{command.GetType().Name} refused: {string.Join(" | ", result.Refusals.Select(r => r.Message))}");
        Assert.NotEmpty(result.Unwrap());
        foreach (var e in result.Unwrap())
        {
            events.Add(e);
            State = Workflow.Evolve(State, e);
        }

        return this;
    }

    public T Last<T>()
        where T : DossierEvent => Assert.IsType<T>(events.Last(e => e is T));
}
