using System.Text.Json.Nodes;
using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Server;

namespace Approvals.Bench;

/// <summary>
/// The real dossier of seed 004 (the demo script: request, vote, transmission, acknowledgment, signature, notification,
/// payment request, payment), followed by the final report and its acceptance: the one workload every scenario runs.
/// </summary>
public sealed class SeedWalk
{
    private SeedWalk(GrantRequest request, Actor caseOfficer, IReadOnlyList<Step> steps)
    {
        Request = request;
        CaseOfficer = caseOfficer;
        Steps = steps;
    }

    public GrantRequest Request { get; }

    public Actor CaseOfficer { get; }

    /// <summary>Every command after the request, in order: the seed's seven, then the report and its acceptance.</summary>
    public IReadOnlyList<Step> Steps { get; }

    /// <summary>The steps from the vote to the payment: the mix of scenarios 1 and 2.</summary>
    public IReadOnlyList<Step> VoteToPayment => Steps.Take(7).ToList();

    /// <summary>The steps from the vote to the notification: what scenario 3's due dossiers went through.</summary>
    public IReadOnlyList<Step> VoteToNotification => Steps.Take(5).ToList();

    public static SeedWalk Load(string repositoryRoot)
    {
        var script = DomainJson.Deserialize<DemoData.DemoScript>(File.ReadAllText(Path.Combine(repositoryRoot, "src", "Approvals.Server", "Demo", "seed-004.json")));
        var dossier = script.Dossiers[0];
        var officer = new Actor(dossier.CaseOfficer, Role.CaseOfficer);
        var finance = new Actor("Service des finances", Role.Finance);
        var steps = dossier.Commands.Select(c => StepOf(new Actor(c.Actor, c.Role), c.Command)).ToList();
        steps.Add(StepOf(officer, new DossierCommand.ReceiveReport(new DateOnly(2023, 1, 20), 15_790m)));
        steps.Add(StepOf(finance, new DossierCommand.AcceptReport(new DateOnly(2023, 2, 10))));
        return new SeedWalk(dossier.Request, officer, steps);
    }

    private static Step StepOf(Actor actor, DossierCommand command)
    {
        var body = JsonNode.Parse(DomainJson.Serialize(command))!.AsObject();
        body.Remove("$type");
        body.Remove("availableCredits");
        body.Remove("otherGrantsThisYear");
        var route = CommandRoutes.ByCommand(command.GetType().Name) ?? throw new InvalidOperationException($"No route for {command.GetType().Name}.");
        return new Step(actor, command, DateOf(command), route.Segment, body);
    }

    private static DateOnly DateOf(DossierCommand command) => command switch
    {
        DossierCommand.RecordVote c => c.SessionDate,
        DossierCommand.RecordTransmission c => c.SentOn,
        DossierCommand.AcknowledgeReceipt c => c.ReceivedOn,
        DossierCommand.SignConvention c => c.BeneficiarySignedOn,
        DossierCommand.Notify c => c.NotifiedOn,
        DossierCommand.RequestPayment c => c.ReceivedOn,
        DossierCommand.RecordPayment c => c.PaidOn,
        DossierCommand.ReceiveReport c => c.ReceivedOn,
        DossierCommand.AcceptReport c => c.AcceptedOn,
        _ => throw new InvalidOperationException($"No date for {command.GetType().Name}."),
    };
}
