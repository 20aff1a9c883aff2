using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Bench;

/// <summary>What every scenario shares: the server in process, its Azurite, the seed's walk and the sizes.</summary>
public sealed class BenchContext(BenchServer server, Azurite azurite, SeedWalk walk, Sizes sizes, string repositoryRoot)
{
    public BenchServer Server { get; } = server;

    private int beneficiaries;

    public Azurite Azurite { get; } = azurite;

    public SeedWalk Walk { get; } = walk;

    public Sizes Sizes { get; } = sizes;

    public string RepositoryRoot { get; } = repositoryRoot;

    public DossierService Dossiers => Server.Service<DossierService>();

    /// <summary>
    /// Registers the seed's budget line with credits for every vote the bench makes, so that each vote's credit check
    /// reads and reserves on a controlled line, as it does in use (a line not registered is not controlled).
    /// </summary>
    public Task RegisterSeedLineAsync()
    {
        var line = Walk.Request.BudgetLine;
        return Server.Service<IBudgetLineStore>().UpsertAsync(new BudgetLineRecord(line.Year, line.Code, line.Label, 1_000_000_000m), CancellationToken.None);
    }

    /// <summary>New dossiers through the service, one after the other (their numbers come from one counter).</summary>
    public async Task<IReadOnlyList<string>> CreateDossiersAsync(int count)
    {
        Server.Time.Set(SettableTime.Paris(2022, 5, 3));
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var created = await Dossiers.CreateAsync(RequestOfItsOwn(), Walk.CaseOfficer, null, CancellationToken.None);
            ids.Add(Ok(created, "request").DossierId);
        }

        return ids;
    }

    /// <summary>
    /// The seed's request from a beneficiary of its own (a new, valid SIRET). An authority's dossiers come from many
    /// bodies; were they all from one, each new request would read all of that body's dossiers (its grants of the year,
    /// for the de minimis ceiling), and the bench would measure that instead of a command.
    /// </summary>
    public GrantRequest RequestOfItsOwn()
    {
        var n = Interlocked.Increment(ref beneficiaries);
        var siren = Enumerable.Range(0, 10).Select(key => $"9{n:D7}{key}").First(Siret.IsValidSiren);
        var siret = Enumerable.Range(0, 10).Select(key => $"{siren}0001{key}").First(candidate => Siret.IsValid(candidate));
        return Walk.Request with { Beneficiary = Walk.Request.Beneficiary with { Siret = siret } };
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
