using System.Text;

namespace Approvals.Domain;

/// <summary>Writes the Mermaid state diagram of the process from the transition table, so the picture cannot drift from the code.</summary>
public static class StageDiagram
{
    public static string Mermaid()
    {
        var text = new StringBuilder();
        text.AppendLine("stateDiagram-v2");
        foreach (var stage in Enum.GetValues<DossierStage>().Where(s => s != DossierStage.None))
        {
            text.AppendLine($"    {stage} : {StageLabels.Of(stage)}");
        }

        text.AppendLine($"    [*] --> {DossierStage.Submitted} : {CommandLabels.Of(nameof(DossierCommand.SubmitRequest))}");
        var moves = Transitions.All
            .Where(t => t.From != DossierStage.None && t.From != t.To)
            .GroupBy(t => (t.From, t.To), t => CommandLabels.Of(t.Name));
        foreach (var move in moves)
        {
            text.AppendLine($"    {move.Key.From} --> {move.Key.To} : {string.Join(" / ", move.Distinct())}");
        }

        foreach (var end in Enum.GetValues<DossierStage>().Where(s => (Dossier.Empty with { Stage = s }).IsEnded))
        {
            text.AppendLine($"    {end} --> [*]");
        }

        return text.ToString();
    }
}
