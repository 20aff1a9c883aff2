using Approvals.Domain;

namespace Approvals.Application;

using static MailBlock;

/// <summary>The portal's e-mails to a beneficiary: the sign-in link, and the acknowledgment of receipt of a request.</summary>
public static class PortalMails
{
    public static OutgoingMail SignInLink(string address, Uri link, DateTimeOffset expiresAt) =>
        MailLayout.Compose(
            $"portal-link:{MagicLinks.Hash(link.ToString())[..24]}",
            [address],
            "Votre lien de connexion au portail des subventions",
            "Connexion au portail des bénéficiaires",
            [
                new Paragraph("Vous avez demandé à vous connecter au portail des bénéficiaires pour déposer ou suivre une demande de subvention."),
                new Links("Lien de connexion", [new DocumentLink("Se connecter au portail", link)],
                    $"Ce lien ne sert qu'une fois et expire le {FrenchDates.Short(FrenchCalendar.ParisDate(expiresAt))} à "
                    + $"{TimeZoneInfo.ConvertTime(expiresAt, FrenchCalendar.Paris):HH\\hmm} (heure de Paris), 30 minutes après son envoi."),
                new Paragraph("Si vous n'avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien."),
            ]);

    /// <summary>Where the acknowledgment's PDF is downloaded (the portal session of the address that submitted it).</summary>
    public static string AcknowledgmentPath(string dossierId) => $"/api/portal/dossiers/{Uri.EscapeDataString(dossierId)}/acknowledgment";

    /// <summary>The acknowledgment of receipt; <paramref name="pdf"/> null when the portal's site is not known (the PDF stays on the portal).</summary>
    public static OutgoingMail Acknowledgment(Dossier dossier, string address, string authority, PortalService service, IReadOnlyList<DocumentKind> missing, Uri? pdf, string key) =>
        MailLayout.Compose(
            key,
            [address],
            $"Accusé de réception de votre demande de subvention n° {dossier.Number}",
            "Accusé de réception électronique",
            [
                new Facts("Accusé de réception", Application.Acknowledgment.Parts(dossier, authority, service, missing)
                    .Select(part => (part.Heading, string.Join(" ", part.Paragraphs))).ToList()),
                pdf is null
                    ? new Paragraph("L'accusé de réception est aussi téléchargeable en PDF sur la page de votre demande, sur le portail des bénéficiaires.")
                    : new Links("Accusé de réception (PDF)", [new DocumentLink("Télécharger l'accusé de réception", pdf)],
                        "Le téléchargement demande d'être connecté au portail."),
            ]);
}
