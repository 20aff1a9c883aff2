using Approvals.Domain;

namespace Approvals.Application;

/// <summary>The French names of deadlines, as the dashboard and the timeline show them.</summary>
public static class DeadlineLabels
{
    public static string Of(Deadline deadline) => deadline.Kind == DeadlineKind.Reminder
        ? $"relance J-{deadline.DaysBefore} : {Of(deadline.RemindsOf!.Value)}"
        : Of(deadline.Kind);

    public static string Of(DeadlineKind kind) => kind switch
    {
        DeadlineKind.PaymentWindow => "fin du délai de demande de paiement",
        DeadlineKind.ReportDue => "remise du compte rendu financier",
        DeadlineKind.ConventionEnd => "fin de la convention",
        DeadlineKind.FormalNoticeExpiry => "fin du préavis de la mise en demeure",
        DeadlineKind.ReferralWindow => "fin du délai de déféré du préfet",
        _ => "relance",
    };

    /// <summary>What the beneficiary must do before the deadline, as a verb phrase for reminders ("demander le paiement").</summary>
    public static string ActionBefore(DeadlineKind kind) => kind switch
    {
        DeadlineKind.PaymentWindow => "demander le paiement",
        DeadlineKind.ReportDue => "remettre le compte rendu financier (CERFA n°15059)",
        DeadlineKind.ConventionEnd => "achever les actions avant la fin de la convention",
        DeadlineKind.FormalNoticeExpiry => "répondre à la mise en demeure",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No reminder announces this kind of deadline."),
    };

    /// <summary>For index entries, which keep only the id and kind: a reminder's id names the deadline it announces.</summary>
    public static string Of(string deadlineId, string kind)
    {
        if (!Enum.TryParse<DeadlineKind>(kind, out var parsed))
        {
            return deadlineId;
        }

        if (parsed != DeadlineKind.Reminder)
        {
            return Of(parsed);
        }

        var announced = Reminded.FirstOrDefault(r => deadlineId.StartsWith($"reminder-{r.Id}-", StringComparison.Ordinal));
        var days = deadlineId[(deadlineId.LastIndexOf('-') + 1)..].TrimEnd('d');
        return announced.Id is null ? "relance" : $"relance J-{days} : {Of(announced.Kind)}";
    }

    private static readonly (string Id, DeadlineKind Kind)[] Reminded =
    [
        (DeadlineIds.PaymentWindow, DeadlineKind.PaymentWindow),
        (DeadlineIds.ReportDue, DeadlineKind.ReportDue),
    ];
}
