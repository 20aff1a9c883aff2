using System.Globalization;
using Approvals.Domain;

namespace Approvals.Application;

using static MailBlock;

/// <summary>
/// The e-mails a beneficiary receives about their dossier, in their words and with a link to the portal (when the site
/// is known): a request for documents, reminders before their deadlines, the final report overdue. Pure functions of the
/// dossier, as <see cref="DossierMails"/> are; the agents' versions of the same events stay there.
/// </summary>
public static class BeneficiaryMails
{
    /// <summary>To the applicant: the documents the case officer asks for, the message, where to send them, and what happens to the silence's period.</summary>
    public static OutgoingMail DocumentsRequested(Dossier dossier, DossierEvent.DocumentsRequested request, string address, Uri? portal, string key)
    {
        var (number, grant) = Require(dossier);
        var title = "Pièces à fournir pour votre demande de subvention";
        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"Pour instruire votre demande de subvention n° {number} (« {grant.Object} »), le service instructeur vous demande les pièces suivantes : "
                + string.Join(", ", request.Documents.Select(DocumentLabels.Of)) + "."),
            new Facts("Message du service instructeur", [("Message", request.Message), ("Demande du", FrenchDates.Long(request.RequestedOn))]),
            // CRPA L114-5: the period after which silence is a decision runs only from the receipt of the missing documents.
            new Paragraph("Votre demande est incomplète : le délai de deux mois au terme duquel le silence de l'administration vaut rejet "
                + "ne court qu'à compter de la réception de ces pièces (art. L114-5 du code des relations entre le public et l'administration).", Important: true),
            PortalStep(portal, "Déposez ces pièces sur la page de votre demande, puis cliquez sur « Envoyer les pièces demandées ».", "Votre demande sur le portail", grant),
        };
        return MailLayout.Compose(key, [address], $"{number} — {title}", title, blocks);
    }

    /// <summary>To the beneficiary: some days are left before their deadline (payment request, final report), what to do and where.</summary>
    public static OutgoingMail Reminder(Dossier dossier, DossierEvent.ReminderDue reminder, string address, Uri? portal, string key)
    {
        var (number, grant) = Require(dossier);
        var days = reminder.DaysBefore == 1 ? "un jour" : $"{reminder.DaysBefore.ToString(CultureInfo.InvariantCulture)} jours";
        var (what, how, consequence) = reminder.RemindsOf switch
        {
            DeadlineKind.PaymentWindow => ("demander le paiement de votre subvention",
                "Faites votre demande de paiement depuis la page de votre dossier sur le portail.",
                "Passé ce jour, la subvention sera caduque : elle ne pourra plus vous être versée."),
            _ => ("envoyer le compte rendu financier et le rapport d'activité de votre projet",
                "Envoyez le compte rendu financier (CERFA n°15059) et le rapport d'activité au service instructeur.",
                "Sans compte rendu, la collectivité pourra vous demander de reverser la subvention."),
        };
        var title = $"Plus que {days} pour {what}";
        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"Il vous reste {days} pour {what} (subvention n° {number} de {Money.Format(dossier.AmountVoted)}, « {grant.Object} »)."),
            new Paragraph($"Dernier jour : {FrenchDates.Long(reminder.DeadlineDay)}. {consequence}", Important: true),
            PortalStep(portal, how, "Votre dossier sur le portail", grant),
        };
        return MailLayout.Compose(key, [address], $"{number} — Rappel : {title}", $"Rappel : {title}", blocks);
    }

    /// <summary>To the beneficiary: the final report was not received by its due day; what they risk and where to send it.</summary>
    public static OutgoingMail ReportOverdue(Dossier dossier, DossierEvent.ReportOverdue overdue, string address, Uri? portal, string key)
    {
        var (number, grant) = Require(dossier);
        var title = "Votre compte rendu financier n'a pas été reçu";
        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"Le compte rendu financier et le rapport d'activité de votre subvention n° {number} (« {grant.Object} ») étaient attendus "
                + $"au plus tard le {FrenchDates.Long(overdue.DueOn)}. Nous ne les avons pas reçus."),
            new Paragraph("Envoyez-les sans attendre : sans eux, la collectivité pourra vous demander de reverser la subvention.", Important: true),
            PortalStep(portal, "Votre dossier et ses échéances sont sur le portail.", "Votre dossier sur le portail", grant),
        };
        return MailLayout.Compose(key, [address], $"{number} — {title}", title, blocks);
    }

    /// <summary>To the case officer: the applicant answered the request for documents.</summary>
    public static OutgoingMail DocumentsReceived(Dossier dossier, DossierEvent.DocumentsRequestAnswered answer, string key)
    {
        var (number, grant) = Require(dossier);
        var title = "Pièces reçues du demandeur";
        var blocks = new List<MailBlock>
        {
            new Paragraph($"{grant.Beneficiary.Name} a répondu le {FrenchDates.Long(answer.ReceivedOn)} à la demande de pièces du dossier {number} (« {grant.Object} »)."),
            new Paragraph("Le délai de deux mois au terme duquel le silence vaut rejet court à compter de cette réception (art. L114-5 du code des relations entre le public et l'administration)."),
        };
        if (answer.Message.Length > 0)
        {
            blocks.Add(new Facts("Message du demandeur", [("Message", answer.Message)]));
        }

        return MailLayout.Compose(key, [grant.CaseOfficerEmail], $"{number} — {title} : {grant.Beneficiary.Name}", title, blocks);
    }

    /// <summary>What to do on the portal, with its link; without a portal page (a request entered by an agent), whom to write to.</summary>
    private static MailBlock PortalStep(Uri? portal, string what, string label, GrantRequest grant) =>
        portal is null
            ? new Paragraph($"Envoyez vos pièces ou posez vos questions à l'agent instructeur de votre dossier : {grant.CaseOfficerEmail}.")
            : new Links(label, [new DocumentLink("Ouvrir le portail des bénéficiaires", portal)],
                $"{what} Le portail vous envoie un lien de connexion à cette adresse électronique.");

    private static (string Number, GrantRequest Request) Require(Dossier dossier) =>
        dossier is { Number: { } number, Request: { } request }
            ? (number.ToString(), request)
            : throw new InvalidOperationException("A dossier without a request has no e-mail.");
}
