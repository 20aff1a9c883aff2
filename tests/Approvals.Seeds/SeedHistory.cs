using Approvals.Domain;

namespace Approvals.Seeds;

/// <summary>A dossier taken through the real decider: each command decided and its events folded; a refusal throws, failing the test.</summary>
public sealed class SeedHistory
{
    private readonly List<DossierEvent> events = [];

    public Dossier State { get; private set; } = Dossier.Empty;

    public IReadOnlyList<DossierEvent> Events => events;

    public static SeedHistory Of(IEnumerable<(DossierCommand Command, DateTimeOffset Now)> commands)
    {
        var history = new SeedHistory();
        foreach (var (command, now) in commands)
        {
            history.Apply(command, now);
        }

        return history;
    }

    /// <summary>The seed dossier after its first <paramref name="steps"/> commands (5: signed, 6: notified, 7: payment requested, 8: paid).</summary>
    public static SeedHistory Through(int steps) => Of(SeedDossier.ThroughPayment.Take(steps));

    public SeedHistory Apply(DossierCommand command, DateTimeOffset now)
    {
        var result = Workflow.Decide(State, command, now);
        if (!result.IsOk)
        {
            throw new InvalidOperationException($"{command.GetType().Name} refused: {string.Join(" | ", result.Refusals.Select(r => r.Message))}");
        }

        foreach (var e in result.Unwrap())
        {
            events.Add(e);
            State = Workflow.Evolve(State, e);
        }

        return this;
    }

    public T Last<T>()
        where T : DossierEvent => (T)events.Last(e => e is T);
}
