namespace Approvals.Domain;

/// <summary>
/// The settings in force when the request was submitted, kept with the dossier so that replaying its register
/// always computes the same deadlines: the territory's holidays and the reminder offsets (days before a deadline).
/// </summary>
public sealed record ProcessPolicy(Territory Territory, IReadOnlyList<int> ReminderOffsetsDays)
{
    public static ProcessPolicy Default { get; } = new(Territory.General, [30, 15, 7]);
}
