namespace Approvals.Domain;

/// <summary>
/// One instalment of the payment terms as the dossier stands: its amount out of the voted (before the vote, requested)
/// amount, the day its event happened (<paramref name="DueOn"/>, null while it has not) and whether it is paid.
/// </summary>
public sealed record ExpectedInstalment(string Label, decimal Percent, InstalmentTrigger Trigger, decimal Amount, DateOnly? DueOn, InstalmentStatus Status);
