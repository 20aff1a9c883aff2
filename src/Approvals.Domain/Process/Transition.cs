namespace Approvals.Domain;

/// <summary>One legal move of the process: in stage <paramref name="From"/>, the command of record type <paramref name="Command"/> may lead to <paramref name="To"/>.</summary>
public sealed record Transition(DossierStage From, Type Command, DossierStage To)
{
    /// <summary>The command's name, as the register, the labels and the API's allowed actions write it.</summary>
    public string Name => Command.Name;
}
