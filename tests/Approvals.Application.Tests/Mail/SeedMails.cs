using System.Net;
using Approvals.Domain;

namespace Approvals.Application.Tests;

/// <summary>The seed dossier at each stage that calls for an e-mail, and the mails the templates make of it.</summary>
public static class SeedMails
{
    /// <summary>"9 000,00 €" as French typography writes it: narrow no-break space, no-break space before the sign.</summary>
    public const string NineThousandEuros = "9\u202F000,00\u00A0€";

    public const string BeneficiaryName = "Campus des Métiers et des Qualifications Microtechniques et Systèmes Intelligents (CMQ MSI)";

    public static readonly MailRecipients Recipients = new(["finances@grandbesancon.example.fr", "comptabilite@grandbesancon.example.fr"]);

    public static readonly IReadOnlyList<DocumentLink> Links =
    [
        new("Délibération — deliberation-2022-06-09.pdf", new Uri("https://docs.example.org/dossiers/d42/deliberation.pdf?sv=2024-08-04&se=2022-07-06T10%3A00%3A00Z&sig=ab%2Bcd")),
        new("Convention signée — convention.pdf", new Uri("https://docs.example.org/dossiers/d42/convention.pdf?sv=2024-08-04&se=2022-07-06T10%3A00%3A00Z&sig=ef%2Bgh")),
    ];

    public static Dossier Signed => SeedHistory.Through(5).State;

    public static Dossier Notified => SeedHistory.Through(6).State;

    public static SeedHistory PaymentRequested => SeedHistory.Through(7);

    /// <summary>15 days before the payment window closes (30 August 2022): the reminder of 15 August.</summary>
    public static SeedHistory PaymentReminder =>
        SeedHistory.Through(6).Apply(new DossierCommand.DeadlineReached(DeadlineIds.Reminder(DeadlineIds.PaymentWindow, 15)), SeedDossier.At(2022, 8, 15));

    /// <summary>15 days before the final report is due (legal default: 30 June 2023, six months after the 2022 financial year).</summary>
    public static SeedHistory ReportReminder =>
        SeedHistory.Through(8).Apply(new DossierCommand.DeadlineReached(DeadlineIds.Reminder(DeadlineIds.ReportDue, 15)), SeedDossier.At(2023, 6, 15));

    /// <summary>No payment request by 30 August 2022: the clock fires on the 31st.</summary>
    public static Dossier Lapsed =>
        SeedHistory.Through(6).Apply(new DossierCommand.DeadlineReached(DeadlineIds.PaymentWindow), SeedDossier.At(2022, 8, 31)).State;

    /// <summary>Paid, and no final report by 30 June 2023: the clock fires on 1 July.</summary>
    public static SeedHistory ReportOverdue =>
        SeedHistory.Through(8).Apply(new DossierCommand.DeadlineReached(DeadlineIds.ReportDue), SeedDossier.At(2023, 7, 1));

    /// <summary>Paid 9 000 €, real eligible costs 10 000 €: the pro-rata rule keeps 5 699,81 € (57 %), 3 300,19 € to repay.</summary>
    public static Dossier RecoveryOrdered => SeedHistory.Through(8)
        .Apply(new DossierCommand.ReceiveReport(new DateOnly(2023, 1, 20), 10_000m), SeedDossier.At(2023, 1, 21))
        .Apply(new DossierCommand.OrderRecovery(new DateOnly(2023, 2, 15), RecoveryReason.CostsShortfall, null), SeedDossier.At(2023, 2, 16))
        .State;

    public static OutgoingMail Approval(Dossier dossier) =>
        DossierMails.Approval(dossier, Recipients, Links, "d42:5:approval", TimeSpan.FromDays(7));

    public static OutgoingMail PaymentRequestReceived(SeedHistory history) =>
        DossierMails.PaymentRequestReceived(history.State, Recipients, history.Last<DossierEvent.PaymentRequested>(), "d42:7:payment-request");

    public static OutgoingMail Reminder(SeedHistory history) =>
        DossierMails.Reminder(history.State, history.Last<DossierEvent.ReminderDue>(), "d42:9:reminder");

    /// <summary>What a reader sees of the HTML: entities decoded.</summary>
    public static string Visible(string html) => WebUtility.HtmlDecode(html);
}
