using Approvals.Domain;

namespace Approvals.Application.Tests;

using static SeedMails;

public sealed class DossierMailsTests
{
    [Fact]
    public void GivenTheSeedSigned_WhenTheApprovalIsWritten_ThenFinanceGetsEverythingNeededToPay()
    {
        var mail = Approval(Signed);

        Assert.Equal("d42:5:approval", mail.Key);
        Assert.Equal(Recipients.Finance, mail.To);
        Assert.Equal($"SUB-2022-0042 — Subvention adoptée : {BeneficiaryName} — {NineThousandEuros}", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            Assert.Contains(BeneficiaryName, body);
            Assert.Contains(SeedDossier.Siret, body);
            Assert.Contains(SeedDossier.Rna, body);
            Assert.Contains("Soutien au programme d'actions 2022 du CMQ MSI", body);
            Assert.Contains(NineThousandEuros, body);
            Assert.Contains("65-23-6574", body);
            Assert.Contains("Enseignement supérieur", body);
            Assert.Contains("57\u00A0%", body);
            Assert.Contains("100 % à la signature de la convention", body);
            Assert.Contains("Bureau du jeudi 9 juin 2022", body);
            Assert.Contains("adopté à l'unanimité", body);
            Assert.Contains("pour : 29, contre : 0, abstention : 0", body);
            Assert.Contains(SeedDossier.ActesId, body);
            Assert.Contains("mardi 21 juin 2022", body);
            Assert.Contains("le mardi 28 juin 2022, par Anne VIGNOT", body);
            Assert.Contains("le mercredi 29 juin 2022, par Pascal VAIRAC", body);
            Assert.Contains("Liens valables 7 jours", body);
            Assert.All(Links, link => Assert.Contains(link.Label, body));
        }

        // The links' query strings carry '&': encoded in the HTML attribute, as is in the text.
        Assert.Contains("deliberation.pdf?sv=2024-08-04&amp;se=2022-07-06T10%3A00%3A00Z&amp;sig=ab%2Bcd", mail.Html);
        Assert.All(Links, link => Assert.Contains(link.Url.AbsoluteUri, mail.Text));
    }

    [Fact]
    public void GivenNoDocumentYet_WhenTheApprovalIsWritten_ThenItSaysSoInsteadOfListingLinks()
    {
        var mail = DossierMails.Approval(Signed, Recipients, [], "k");

        Assert.Contains("Aucun document (délibération, convention signée) n'est encore joint au dossier SUB-2022-0042.", mail.Text);
        Assert.DoesNotContain("Liens valables", mail.Text);
    }

    [Fact]
    public void GivenInstalmentsThatDoNotDivideEvenly_WhenTheirAmountsAreShown_ThenTheyAddUpToTheVotedAmountToTheCent()
    {
        var signed = Signed;
        var dossier = signed with
        {
            Vote = signed.Vote! with { AmountVoted = 100.01m },
            Request = signed.Request! with
            {
                PaymentTerms =
                [
                    new Instalment("Avance", 50m, InstalmentTrigger.AtSignature),
                    new Instalment("Solde", 50m, InstalmentTrigger.OnFinalReport),
                ],
            },
        };

        var text = Approval(dossier).Text;

        Assert.Contains("- Avance — 50\u00A0% — 50,01\u00A0€ — à la signature de la convention", text);
        Assert.Contains("- Solde — 50\u00A0% — 50,00\u00A0€ — à la remise du compte rendu financier", text);
    }

    [Fact]
    public void GivenAPaymentRequest_WhenFinanceIsTold_ThenItShowsTheRequestAndWhatIsLeftToPay()
    {
        var mail = PaymentRequestReceived(PaymentRequested);

        Assert.Equal(Recipients.Finance, mail.To);
        Assert.Equal($"SUB-2022-0042 — Demande de paiement reçue : {BeneficiaryName} — {NineThousandEuros}", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            Assert.Contains($"Le bénéficiaire a demandé le vendredi 15 juillet 2022 le versement de {NineThousandEuros}", body);
            Assert.Contains("dans le délai qui courait jusqu'au mardi 30 août 2022", body);
            Assert.Contains(SeedDossier.ActesId, body);
            Assert.Contains(SeedDossier.Siret, body);
        }

        Assert.Contains($"Reste à verser : {NineThousandEuros}", mail.Text);
        Assert.Contains("Déjà versé : 0,00\u00A0€", mail.Text);
    }

    [Fact]
    public void GivenTheSeedNotified_WhenTheBeneficiaryIsTold_ThenItLearnsTheLastDayToAskForPaymentAndTheRule()
    {
        var mail = DossierMails.Notification(Notified, "d42:6:notification");

        Assert.Equal([SeedDossier.BeneficiaryEmail, SeedDossier.CaseOfficerEmail], mail.To);
        Assert.Equal("SUB-2022-0042 — Notification de la convention : paiement à demander au plus tard le mardi 30 août 2022", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            Assert.Contains("vous est notifiée le jeudi 30 juin 2022", body);
            Assert.Contains("Le paiement doit être demandé au plus tard le mardi 30 août 2022, fin de journée.", body);
            Assert.Contains("dans un délai de 2 mois à compter de la date de notification de la présente convention, faute de quoi elle sera réputée caduque", body);
            Assert.Contains("vendredi 30 juin 2023", body);
            Assert.Contains("CERFA n°15059", body);
            Assert.Contains(NineThousandEuros, body);
            Assert.Contains(SeedDossier.CaseOfficerEmail, body);
        }
    }

    [Fact]
    public void GivenFifteenDaysLeftToAskForPayment_WhenTheReminderIsWritten_ThenItSaysSoWithTheDeadline()
    {
        var mail = Reminder(PaymentReminder);

        Assert.Equal([SeedDossier.CaseOfficerEmail], mail.To);
        Assert.Equal("SUB-2022-0042 — Rappel : plus que 15 jours pour demander le paiement", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            Assert.Contains("Date limite : mardi 30 août 2022, fin de journée.", body);
            Assert.Contains("la subvention sera réputée caduque", body);
        }
    }

    [Fact]
    public void GivenFifteenDaysLeftForTheFinalReport_WhenTheReminderIsWritten_ThenItNamesTheReportAndItsDueDate()
    {
        var mail = Reminder(ReportReminder);

        Assert.Equal("SUB-2022-0042 — Rappel : plus que 15 jours pour remettre le compte rendu financier (CERFA n°15059)", mail.Subject);
        Assert.Contains("Date limite : vendredi 30 juin 2023, fin de journée.", mail.Text);
        Assert.Contains("article 7 de la convention", mail.Text);
    }

    [Fact]
    public void GivenOneDayLeft_WhenTheReminderIsWritten_ThenItSaysOneDayInTheSingular()
    {
        var history = SeedHistory.Through(6);
        var reminder = new DossierEvent.ReminderDue("reminder-payment-window-1d", DeadlineKind.PaymentWindow, new DateOnly(2022, 8, 30), 1)
        {
            At = SeedDossier.At(2022, 8, 29),
        };

        var mail = DossierMails.Reminder(history.State, reminder, "k");

        Assert.Equal("SUB-2022-0042 — Rappel : plus qu'un jour pour demander le paiement", mail.Subject);
        Assert.Contains("Il reste 1 jour pour demander le paiement", mail.Text);
    }

    [Fact]
    public void GivenNoPaymentRequestInTime_WhenTheLapseIsAnnounced_ThenEveryoneLearnsItAndTheCreditsAreReleased()
    {
        var mail = DossierMails.Lapsed(Lapsed, Recipients, "d42:8:lapsed");

        Assert.Equal([SeedDossier.BeneficiaryEmail, SeedDossier.CaseOfficerEmail, .. Recipients.Finance], mail.To);
        Assert.Equal($"SUB-2022-0042 — Subvention caduque : {BeneficiaryName} — {NineThousandEuros}", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            Assert.Contains("Aucune demande de paiement n'a été reçue dans le délai de 2 mois qui suivait la notification du jeudi 30 juin 2022.", body);
            Assert.Contains("Ce délai a expiré le mardi 30 août 2022 à minuit.", body);
            Assert.Contains("est réputée caduque depuis le mercredi 31 août 2022", body);
            Assert.Contains($"Les crédits de {NineThousandEuros} sont libérés sur la ligne budgétaire 65-23-6574 « Enseignement supérieur » (exercice 2022).", body);
        }
    }

    [Fact]
    public void GivenNoFinalReportByItsDueDay_WhenTheClockFires_ThenTheCaseOfficerAndFinanceAndApartTheBeneficiaryAreToldWhatMayFollow()
    {
        var history = ReportOverdue;

        var mail = DossierMails.ReportOverdue(history.State, Recipients, history.Last<DossierEvent.ReportOverdue>(), "d42:9:report-overdue");
        var own = BeneficiaryMails.ReportOverdue(history.State, history.Last<DossierEvent.ReportOverdue>(), SeedDossier.BeneficiaryEmail, null, "d42:9:report-overdue-beneficiary");

        Assert.Equal([SeedDossier.CaseOfficerEmail, .. Recipients.Finance], mail.To);
        Assert.Equal([SeedDossier.BeneficiaryEmail], own.To);
        Assert.Contains("reverser la subvention", own.Text);
        Assert.Equal($"SUB-2022-0042 — Compte rendu financier non remis : {BeneficiaryName}", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            Assert.Contains("devait être remis au plus tard le vendredi 30 juin 2023. Il n'a pas été reçu à cette date.", body);
            Assert.Contains("le reversement de la subvention pourra être exigé (article 7 de la convention)", body);
            Assert.Contains(NineThousandEuros, body);
        }
    }

    [Fact]
    public void GivenCostsShortOfTheBudget_WhenRecoveryIsOrdered_ThenTheAmountReasonBasisAndProRataAreShown()
    {
        var mail = DossierMails.RecoveryOrdered(RecoveryOrdered, Recipients, "d42:11:recovery");

        Assert.Equal([.. Recipients.Finance, SeedDossier.BeneficiaryEmail], mail.To);
        Assert.Equal($"SUB-2022-0042 — Reversement ordonné : {BeneficiaryName} — 3\u202F300,19\u00A0€", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            Assert.Contains("Le mercredi 15 février 2023, la collectivité a ordonné le reversement de 3\u202F300,19\u00A0€", body);
            Assert.Contains(MailLabels.Of(RecoveryReason.CostsShortfall), body);
            Assert.Contains("article 7 de la convention", body);
            Assert.Contains("10\u202F000,00\u00A0€", body);
            Assert.Contains("5\u202F699,81\u00A0€", body);
        }
    }

    [Fact]
    public void GivenTheCaseOfficerIsAlsoOnTheFinanceList_WhenAMailGoesToBoth_ThenTheAddressAppearsOnce()
    {
        var recipients = new MailRecipients([SeedDossier.CaseOfficerEmail.ToUpperInvariant(), "finances@grandbesancon.example.fr", " "]);

        var mail = DossierMails.Lapsed(Lapsed, recipients, "k");

        Assert.Equal([SeedDossier.BeneficiaryEmail, SeedDossier.CaseOfficerEmail, "finances@grandbesancon.example.fr"], mail.To);
    }

    [Fact]
    public void GivenAnyMail_WhenRendered_ThenItIsFrenchAccessibleHtmlWithTheSharedFooterInBothBodies()
    {
        var mail = Approval(Signed);

        Assert.StartsWith("<!DOCTYPE html>", mail.Html);
        Assert.Contains("<html lang=\"fr\">", mail.Html);
        Assert.Contains("<meta charset=\"utf-8\">", mail.Html);
        Assert.Contains("role=\"presentation\"", mail.Html);
        Assert.Contains("<th scope=\"row\"", mail.Html);
        Assert.Contains("<th scope=\"col\"", mail.Html);
        Assert.DoesNotContain("<style", mail.Html);
        Assert.DoesNotContain("<script", mail.Html);
        Assert.Contains("Message envoyé automatiquement par Approvals — ne pas répondre", mail.Html);
        Assert.Contains("Message envoyé automatiquement par Approvals — ne pas répondre", mail.Text);
    }
}
