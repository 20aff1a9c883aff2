using System.Text.Json.Serialization;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Server;

/// <summary>
/// <c>--demo</c>: loads the real dossier of seed 004 (Grand Besançon Métropole, CMQ MSI, 9 000 €, bureau of 9 June 2022)
/// through the same service as any user, under idempotency keys, so that loading it twice changes nothing; and, kept
/// apart, seed 000's programme as far as that seed's facts go (Pays de Montbéliard Agglomération's Cnam antenna, about
/// 786 000 € over 2021-2024, two phases): another authority's programme, with no invented tranche or vote.
/// </summary>
public static class DemoData
{
    /// <summary>The demo scripts, one per seed, in the order they load.</summary>
    public static IReadOnlyList<string> Scripts { get; } = ["seed-004.json", "seed-000.json"];

    /// <summary>Seed 000's authority, stored next to the settings' one (Grand Besançon Métropole, seed 004's).</summary>
    public static GrantingAuthority Montbeliard { get; } = new("pma", "Pays de Montbéliard Agglomération", Siret: "") // Seed 000 gives no SIRET: none is invented.
    {
        Seat = "Montbéliard",
        Court = "Tribunal administratif de Besançon",
        // A made-up address (the seed names none): its digest and finance e-mails go to the demo's pickup folder.
        FinanceRecipients = ["finances@agglo-montbeliard.example.fr"],
    };

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<AuthorityDirectory>().SaveAsync(Montbeliard, cancellationToken);
        foreach (var file in Scripts)
        {
            var script = DomainJson.Deserialize<DemoScript>(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Demo", file), cancellationToken));
            await LoadAsync(services, script, Path.GetFileNameWithoutExtension(file), cancellationToken);
        }
    }

    private static async Task LoadAsync(IServiceProvider services, DemoScript script, string name, CancellationToken cancellationToken)
    {
        // Seed 000 is Pays de Montbéliard Agglomération's: its budget lines, programme and dossiers belong to that authority only.
        var authority = name == "seed-000" ? Montbeliard.Id : null;
        var lines = services.GetRequiredService<IBudgetLineStore>();
        foreach (var line in script.BudgetLines)
        {
            await lines.UpsertAsync(line, cancellationToken, authority);
        }

        var programmes = services.GetRequiredService<IProgrammeStore>();
        foreach (var programme in script.Programmes)
        {
            // False when a previous run stored it: loading twice changes nothing.
            await programmes.AddAsync(programme with { AuthorityId = authority }, cancellationToken);
        }

        var dossiers = services.GetRequiredService<DossierService>();
        var logger = services.GetRequiredService<ILogger<DemoScript>>();
        foreach (var (dossier, d) in script.Dossiers.Select((x, i) => (x, i)))
        {
            var key = $"demo-{name}-{d}";
            var created = await dossiers.CreateAsync(dossier.Request, new Actor(dossier.CaseOfficer, Role.CaseOfficer) { AuthorityId = authority }, key, cancellationToken);
            var id = created.IsOk ? created.Unwrap().DossierId : throw new InvalidOperationException($"Demo request refused: {created.Refusals[0].Message}");
            foreach (var (step, i) in dossier.Commands.Select((x, i) => (x, i)))
            {
                var outcome = await dossiers.HandleAsync(id, step.Command, new Actor(step.Actor, step.Role) { AuthorityId = authority }, cancellationToken, idempotency: IdempotentRequest.Of($"{key}-{i}", "demo", id, step.Command));
                if (!outcome.IsOk)
                {
                    throw new InvalidOperationException($"Demo step {i} of {id} refused: {outcome.Refusals[0].Message}");
                }
            }

            logger.LogInformation("Demo dossier {DossierId} loaded", id);
        }
    }

    public sealed record DemoScript([property: JsonPropertyName("_comment")] string Comment, IReadOnlyList<BudgetLineRecord> BudgetLines, IReadOnlyList<Programme> Programmes, IReadOnlyList<DemoDossier> Dossiers);

    public sealed record DemoDossier(GrantRequest Request, string CaseOfficer, IReadOnlyList<DemoStep> Commands);

    public sealed record DemoStep(string Actor, Role Role, DossierCommand Command);
}
