using Approvals.Domain;

namespace Approvals.Application.Tests;

using static SeedMails;

/// <summary>No value is trusted: whatever a beneficiary's name or object holds reaches the HTML encoded and the subject on one line.</summary>
public sealed class HostileValuesTests
{
    private const string HostileName = "<script>alert(1)</script>\r\nBcc: victime@example.org";

    private const string HostileObject = "<img src=x onerror=\"alert(2)\"> & co";

    public static TheoryData<string> Templates => ["approval", "payment-request", "notification", "reminder", "lapsed", "recovery", "digest"];

    [Theory]
    [MemberData(nameof(Templates))]
    public void GivenAHostileNameAndObject_WhenAnyMailIsWritten_ThenTheHtmlEncodesThemAndTheTextKeepsThem(string template)
    {
        var mail = Write(template);

        Assert.DoesNotContain("<script", mail.Html);
        Assert.DoesNotContain("<img", mail.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Html);
        Assert.Contains("&lt;img src=x onerror=", mail.Html);
        Assert.Contains(HostileName, Visible(mail.Html));
        Assert.Contains(HostileObject, Visible(mail.Html));
        Assert.Contains(HostileName, mail.Text);
        Assert.Contains(HostileObject, mail.Text);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void GivenALineBreakInAValue_WhenAnyMailIsWritten_ThenTheSubjectStaysOnOneLine(string template)
    {
        var mail = Write(template);

        Assert.DoesNotContain('\r', mail.Subject);
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain("  ", mail.Subject);
        Assert.StartsWith(template == "digest" ? "Échéances des subventions" : "SUB-2022-0042 — ", mail.Subject);
    }

    [Fact]
    public void GivenAHostileName_WhenItGoesIntoTheSubject_ThenItIsKeptOnOneLine()
    {
        var mail = DossierMails.Lapsed(Hostile(Lapsed), Recipients, "k");

        Assert.Equal($"SUB-2022-0042 — Subvention caduque : <script>alert(1)</script> Bcc: victime@example.org — {NineThousandEuros}", mail.Subject);
    }

    private static OutgoingMail Write(string template) => template switch
    {
        "approval" => Approval(Hostile(Signed)),
        "payment-request" => DossierMails.PaymentRequestReceived(
            Hostile(PaymentRequested.State), Recipients, PaymentRequested.Last<DossierEvent.PaymentRequested>(), "k"),
        "notification" => DossierMails.Notification(Hostile(Notified), "k"),
        "reminder" => DossierMails.Reminder(Hostile(PaymentReminder.State), PaymentReminder.Last<DossierEvent.ReminderDue>(), "k"),
        "lapsed" => DossierMails.Lapsed(Hostile(Lapsed), Recipients, "k"),
        "recovery" => DossierMails.RecoveryOrdered(Hostile(RecoveryOrdered), Recipients, "k"),
        "digest" => DossierMails.Digest(
            [new DigestLine("SUB-2022-0042", HostileName, HostileObject, new DateOnly(2022, 8, 30), false)], Recipients, new DateOnly(2022, 8, 24), "k"),
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, null),
    };

    private static Dossier Hostile(Dossier dossier) => dossier with
    {
        Request = dossier.Request! with
        {
            Beneficiary = dossier.Request.Beneficiary with { Name = HostileName },
            Object = HostileObject,
        },
    };
}
