namespace Approvals.Domain;

/// <summary>One legal move of the process: in stage <paramref name="From"/>, the command named <paramref name="Command"/> may lead to <paramref name="To"/>.</summary>
public sealed record Transition(DossierStage From, string Command, DossierStage To);
