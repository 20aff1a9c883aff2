namespace Approvals.Domain.Tests;

/// <summary>Issue 17 point 1: every command record type has its French label, and every move of the transition table names a command record.</summary>
public sealed class CommandLabelsTests
{
    [Fact]
    public void GivenEveryCommandRecord_WhenItsLabelIsRead_ThenItIsFrenchWordsNotItsName()
    {
        var commands = typeof(DossierCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(DossierCommand))).ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.NotEqual(c.Name, CommandLabels.Of(c.Name)));
    }

    [Fact]
    public void GivenTheTransitionTable_WhenItsCommandsAreRead_ThenEachIsACommandRecord()
    {
        Assert.All(Transitions.All, t => Assert.True(t.Command.IsSubclassOf(typeof(DossierCommand)), $"{t.Command} is not a command."));
    }
}
