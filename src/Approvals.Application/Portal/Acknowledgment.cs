using Approvals.Domain;

namespace Approvals.Application;

/// <summary>One titled part of the acknowledgment of receipt.</summary>
public sealed record AcknowledgmentPart(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The electronic acknowledgment of receipt of a request submitted through the portal (code des relations entre le
/// public et l'administration, art. L112-11), with the mentions its decree requires (art. R112-11-1, from décret
/// n°2015-1404 du 5 novembre 2015, in force since 7 November 2015 and unchanged since):
/// 1° the date of receipt; 2° the service in charge, its postal or electronic address and its telephone number;
/// for a request, whether it may give rise to an implicit decision of acceptance or of rejection and the date on which
/// it will be deemed accepted or rejected; for a rejection, the time limits and remedies against it.
/// It is sent at once (R112-11-2: an instant acknowledgment needs no separate acknowledgment of registration), to the
/// address used to submit (R112-11-3). An incomplete request also lists what is missing (L114-5).
/// </summary>
public static class Acknowledgment
{
    /// <summary>
    /// The acknowledgment of <paramref name="dossier"/>, with the documents still missing at the time it is written. It
    /// names the authority that received the request and that authority's service (L112-3: the administration the
    /// request was addressed to acknowledges it; R112-11-1, 2°), in a deployment serving several authorities too.
    /// </summary>
    public static IReadOnlyList<AcknowledgmentPart> Parts(Dossier dossier, string authority, PortalService service, IReadOnlyList<DocumentKind> missing)
    {
        var request = dossier.Request ?? throw new InvalidOperationException("No acknowledgment before the request.");
        var receivedAt = dossier.SubmittedAt ?? throw new InvalidOperationException("No acknowledgment before the request.");
        var received = FrenchCalendar.ParisDate(receivedAt);
        var paris = TimeZoneInfo.ConvertTime(receivedAt, FrenchCalendar.Paris);
        var parts = new List<AcknowledgmentPart>
        {
            new("Votre demande", [
                $"Demande de subvention n° {dossier.Number} déposée par {request.Beneficiary.Name} auprès de {authority} sur le portail des bénéficiaires.",
                $"Objet : {request.Object}",
                $"Montant demandé : {Money.Format(request.AmountRequested)}.",
            ]),
            // R112-11-1, 1°.
            new("Date de réception", [$"Votre demande a été reçue le {FrenchDates.Long(received)} à {paris:HH\\hmm} (heure de Paris)."]),
            // R112-11-1, 2°.
            new("Service chargé du dossier", [
                service.Name,
                $"Adresse postale : {service.PostalAddress}",
                $"Adresse électronique : {service.Email}",
                $"Téléphone : {service.Phone}",
            ]),
            new("Effet du silence de l'administration", Silence(received, missing.Count > 0)),
            new("Voies et délais de recours", [
                "Contre une décision implicite de rejet, vous pouvez, dans les deux mois de sa naissance, demander la communication de ses motifs "
                + "(art. L232-4 du code des relations entre le public et l'administration), former un recours gracieux auprès du président de la collectivité, "
                + $"ou saisir le {service.Court} d'un recours contentieux, dans un délai de deux mois à compter de la naissance de la décision implicite "
                + "(code de justice administrative, art. R421-1 et R421-2), y compris par l'application Télérecours citoyens (www.telerecours.fr).",
            ]),
        };
        if (missing.Count > 0)
        {
            // L114-5: the missing documents, a time limit to send them, and the silence's period runs from their receipt.
            parts.Insert(4, new("Pièces manquantes", [
                "Votre demande est incomplète. Il manque : " + string.Join(", ", missing.Select(PortalDocuments.Label)) + ".",
                $"Déposez-les sur le portail avant le {FrenchDates.Long(FrenchCalendar.AddMonths(received, 1))} (art. L114-5 du code des relations entre le public et l'administration).",
            ]));
        }

        return parts;
    }

    /// <summary>
    /// A subsidy request has a financial character: by way of exception to the rule that silence means acceptance
    /// (L231-1), two months of silence are a decision of rejection (art. L231-4, 3°). Months count as the calendar
    /// does (same day number two months later, or that month's last day).
    /// </summary>
    public static DateOnly ImplicitRejectionDay(DateOnly received) => FrenchCalendar.AddMonths(received, 2);

    private static IReadOnlyList<string> Silence(DateOnly received, bool incomplete) =>
        incomplete
            ?
            [
                "Votre demande présente un caractère financier : le silence gardé par l'administration pendant deux mois vaut décision de rejet "
                + "(art. L231-4, 3°, du code des relations entre le public et l'administration).",
                "Votre demande étant incomplète, ce délai de deux mois ne court qu'à compter de la réception des pièces manquantes (art. L114-5).",
            ]
            :
            [
                "Votre demande présente un caractère financier : le silence gardé par l'administration pendant deux mois vaut décision de rejet "
                + "(art. L231-4, 3°, du code des relations entre le public et l'administration).",
                $"À défaut de décision expresse, votre demande sera réputée rejetée le {FrenchDates.Long(ImplicitRejectionDay(received))}.",
            ];
}
