using System.Globalization;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>
/// The payment schedule in one spreadsheet cell: "100 % à la signature : 9 000,00 € (versé)", the instalments joined
/// by " ; ". The instalments' own labels are left out: they repeat the percent and the trigger in the applicant's words.
/// </summary>
public static class ScheduleSummary
{
    public static string Of(Dossier dossier) =>
        string.Join(" ; ", PaymentSchedule.Of(dossier).Select(i => $"{Percent(i.Percent)} {Trigger(i.Trigger)} : {Money.Format(i.Amount)} ({Status(i.Status)})"));

    /// <summary>60 → "60 %", 33.33 → "33,33 %", with the no-break space French puts before the sign.</summary>
    private static string Percent(decimal percent) =>
        percent.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + "\u00A0%";

    private static string Trigger(InstalmentTrigger trigger) => trigger switch
    {
        InstalmentTrigger.AtSignature => "à la signature",
        InstalmentTrigger.OnPaymentRequest => "sur demande de paiement",
        InstalmentTrigger.OnFinalReport => "sur compte rendu final",
        InstalmentTrigger.OnProgress => "selon l'avancement",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    private static string Status(InstalmentStatus status) => status switch
    {
        InstalmentStatus.Paid => "versé",
        InstalmentStatus.Due => "dû",
        InstalmentStatus.Expected => "attendu",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
