namespace Approvals.Domain.Tests;

public class StageDiagramTests
{
    /// <summary>The committed diagram must be the one the transition table generates; set UPDATE_DIAGRAM=1 to rewrite it.</summary>
    [Fact]
    public void The_committed_stage_diagram_is_generated_from_the_transition_table()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "stages.md");
        var expected = $"# Stages of a dossier\n\nGenerated from `Transitions.All` by `StageDiagram.Mermaid()`; `StageDiagramTests` fails when this file is stale\n(run the tests with `UPDATE_DIAGRAM=1` to rewrite it).\n\n```mermaid\n{StageDiagram.Mermaid()}```\n";
        if (Environment.GetEnvironmentVariable("UPDATE_DIAGRAM") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPDATE_DIAGRAM=1.");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Every_stage_but_the_empty_one_appears_in_the_diagram()
    {
        var diagram = StageDiagram.Mermaid();

        foreach (var stage in Enum.GetValues<DossierStage>().Where(s => s != DossierStage.None))
        {
            Assert.Contains($"--> {stage} :", diagram);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Approvals.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Approvals.sln not found above the test's folder.");
    }
}
