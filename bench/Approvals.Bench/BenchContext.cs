using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Bench;

/// <summary>What every scenario shares: the server in process, its Azurite, the seed's walk and the sizes.</summary>
public sealed class BenchContext(BenchServer server, Azurite azurite, SeedWalk walk, Sizes sizes, string repositoryRoot)
{
    public BenchServer Server { get; } = server;

    public Azurite Azurite { get; } = azurite;

    public SeedWalk Walk { get; } = walk;

    public Sizes Sizes { get; } = sizes;

    public string RepositoryRoot { get; } = repositoryRoot;

    public DossierService Dossiers => Server.Service<DossierService>();

    /// <summary>New dossiers through the service, one after the other (their numbers come from one counter).</summary>
    public async Task<IReadOnlyList<string>> CreateDossiersAsync(int count)
    {
        Server.Time.Set(SettableTime.Paris(2022, 5, 3));
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var created = await Dossiers.CreateAsync(Walk.Request, Walk.CaseOfficer, null, CancellationToken.None);
            ids.Add(Ok(created, "request").DossierId);
        }

        return ids;
    }

    /// <summary>Sends one step's command as it is (the vote with the seed's credits): the service's own cost only.</summary>
    public async Task HandleAsync(string dossierId, Step step) =>
        Ok(await Dossiers.HandleAsync(dossierId, step.Command, step.Actor, CancellationToken.None), step.Name);

    /// <summary>Sends one step through the service, as a host does (the vote reads the budget line's credits first).</summary>
    public async Task DirectAsync(string dossierId, Step step)
    {
        var command = step.Command;
        if (command is DossierCommand.RecordVote vote)
        {
            var line = Walk.Request.BudgetLine;
            command = vote with { AvailableCredits = await Server.Service<BudgetLedger>().AvailableAsync(line.Year, line.Code, dossierId, CancellationToken.None) };
        }

        Ok(await Dossiers.HandleAsync(dossierId, command, step.Actor, CancellationToken.None), step.Name);
    }

    /// <summary>Runs the steps on every dossier, <see cref="Sizes.Workers"/> dossiers at a time.</summary>
    public Task<Timed> RunAsync(IReadOnlyList<string> dossierIds, IReadOnlyList<Step> steps, Func<string, Step, Task> send) =>
        Timed.RunAsync(
            dossierIds.Select(id => (IReadOnlyList<(string Id, Step Step)>)steps.Select(step => (id, step)).ToList()).ToList(),
            Sizes.Workers,
            item => send(item.Id, item.Step));

    public static CommandOutcome Ok(Result<CommandOutcome> outcome, string what) =>
        outcome.IsOk ? outcome.Unwrap() : throw new InvalidOperationException($"{what} refused: {outcome.Refusals[0].Message}");
}
