using Approvals.Api;
using Approvals.Domain;

namespace Approvals.Server.Tests;

/// <summary>
/// Issue 17 point 1: the command table is keyed by the command's record type. Every command a person sends has exactly
/// one route, with its own segment, a French label and at least one role, and is a move of the transition table.
/// </summary>
public sealed class CommandRoutesTests
{
    /// <summary>Written by hand: the commands that reach a dossier by another way than <c>POST /api/dossiers/{id}/{segment}</c>.</summary>
    private static readonly string[] WithoutCommandRoute =
    [
        nameof(DossierCommand.SubmitRequest), // POST /api/dossiers
        nameof(DossierCommand.AttachDocument), // POST /api/dossiers/{id}/documents
        nameof(DossierCommand.DeadlineReached), // the clock
        nameof(DossierCommand.AnswerDocumentsRequest), // the beneficiary: POST /api/portal/dossiers/{id}/documents-answer
    ];

    [Fact]
    public void GivenEveryCommandRecord_WhenTheRoutesAreRead_ThenEachCommandAPersonSendsHasExactlyOneRoute()
    {
        var commands = typeof(DossierCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(DossierCommand))).Select(t => t.Name);

        var routed = CommandRoutes.All.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(commands.Except(WithoutCommandRoute).Order(), routed.Keys.Order());
        Assert.All(routed, r => Assert.Equal(1, r.Value));
        Assert.Equal(CommandRoutes.All.Count, CommandRoutes.All.Select(r => r.Segment).Distinct().Count());
    }

    [Fact]
    public void GivenEveryCommandRoute_WhenItIsChecked_ThenItHasALabelRolesAndAMoveInTheTransitionTable()
    {
        Assert.All(CommandRoutes.All, route =>
        {
            Assert.NotEqual(route.Name, route.Label);
            Assert.NotEmpty(route.Roles);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", route.Segment);
            Assert.Contains(Transitions.All, t => t.Command == route.Command);
        });
    }

    [Fact]
    public void GivenTheVoteRoute_WhenItIsFoundByItsType_ThenItBindsTheBodyWhoseCreditsTheServerReads()
    {
        var vote = CommandRoutes.For<DossierCommand.RecordVote>();

        Assert.Equal("vote", vote.Segment);
        Assert.Equal(typeof(Approvals.Application.SecretariatVote), vote.BodyType);
        Assert.Equal(typeof(DossierCommand.Notify), CommandRoutes.For<DossierCommand.Notify>().BodyType);
    }
}
