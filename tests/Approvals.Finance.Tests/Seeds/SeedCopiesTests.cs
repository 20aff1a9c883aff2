using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

/// <summary>
/// The seed 004 dossier exists as the demo script (src/Approvals.Server/Demo/seed-004.json, which the server tests and,
/// through seed.test.mjs, the pages' example follow) and as <see cref="SeedDossier"/> for the decider's tests: the two must
/// say the same thing.
/// </summary>
public sealed class SeedCopiesTests
{
    private static readonly JsonObject Dossier =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "seed-004.json")))!["dossiers"]![0]!.AsObject();

    [Fact]
    public void GivenTheDemoScript_WhenComparedWithSeedDossier_ThenTheRequestIsTheSame()
    {
        var demo = DomainJson.Serialize(DomainJson.Deserialize<GrantRequest>(Dossier["request"]!.ToJsonString()));

        Assert.Equal(demo, DomainJson.Serialize(SeedDossier.Request));
    }

    [Fact]
    public void GivenTheDemoScript_WhenComparedWithSeedDossier_ThenEveryCommandIsTheSameInTheSameOrder()
    {
        // Read and written back through the domain's types, so that both sides are compared in the same form.
        var demo = Dossier["commands"]!.AsArray()
            .Select(c => DomainJson.Serialize(DomainJson.Deserialize<DossierCommand>(c!["command"]!.ToJsonString()))).ToList();
        var ours = SeedDossier.ThroughPayment.Skip(1).Select(c => DomainJson.Serialize(c.Command)).ToList();

        Assert.Equal(demo, ours);
    }
}
