using Approvals.Domain;

namespace Approvals.Application;

/// <summary>Settings of the process (section <c>Reminders</c>): the territory's holidays, reminder offsets, the digest.</summary>
public sealed record ProcessOptions
{
    public const string SectionName = "Reminders";

    public Territory Territory { get; init; } = Territory.General;

    /// <summary>
    /// Reminder offsets, configured as <c>Reminders:OffsetsDays:0</c>, <c>:1</c>…; unset, <see cref="ProcessPolicy.Default"/>'s.
    /// No default here: the configuration binder appends a configured list to a default one instead of replacing it.
    /// </summary>
    public IReadOnlyList<int>? OffsetsDays { get; init; }

    /// <summary>Cron (Cronos, Paris time) of the daily digest to finance: weekdays at 07:00 by default.</summary>
    public string DigestCron { get; init; } = "0 7 * * 1-5";

    /// <summary>How many days ahead the digest looks.</summary>
    public int DigestDays { get; init; } = 28;

    /// <summary>How long the document links in e-mails stay valid.</summary>
    public TimeSpan MailLinkLifetime { get; init; } = TimeSpan.FromDays(7);

    public ProcessPolicy Policy => new(Territory, OffsetsDays ?? ProcessPolicy.Default.ReminderOffsetsDays);
}
