using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>
/// The grant convention's text, following the structure of Grand Besançon Métropole's convention with the CMQ MSI
/// (seed 004): parties, visas, exposé, articles 1 to 9, signatures, and the provisional budget in annex.
/// </summary>
public static class ConventionDocument
{
    /// <summary>
    /// Writes the convention of <paramref name="dossier"/>. Before the vote (the convention is annexed to the report
    /// put to the vote) the amount is the one requested and the deliberation's reference is left blank.
    /// </summary>
    /// <exception cref="ArgumentException">The dossier has no request.</exception>
    public static ConventionModel Model(Dossier dossier, Authority authority)
    {
        var request = dossier.Request ?? throw new ArgumentException("A convention needs a dossier with a request.", nameof(dossier));
        var b = request.Beneficiary;
        var a = authority.Name;
        var year = request.BudgetLine.Year;
        var amount = dossier.Vote is null ? request.AmountRequested : dossier.AmountVoted;
        var total = request.Budget.TotalExpenses;
        var president = authority.President ?? "…";
        var feminine = authority.PresidentTitle.EndsWith('e');
        var body = new List<ConventionBlock>();
        void Heading(string text) => body.Add(new(ConventionBlockKind.Heading, text));
        void Paragraph(string text) => body.Add(new(ConventionBlockKind.Paragraph, text));
        void Bullet(string text) => body.Add(new(ConventionBlockKind.Bullet, text));

        Paragraph("ENTRE");
        Paragraph($"{a}, représentée par {(feminine ? "sa" : "son")} {authority.PresidentTitle}, {president}, dûment {(feminine ? "habilitée" : "habilité")} à signer, d'une part,");
        Paragraph("ET");
        Paragraph($"{b.Name}{Identifiers(b)}, représentée par {b.Representative}, dûment habilité(e), d'autre part,");
        Paragraph("Vu le Code général des collectivités territoriales, et notamment son article L 1611-4 relatif au contrôle des structures ayant reçu une subvention par une collectivité,");
        Paragraph("Vu la loi n°2000-321 du 12 avril 2000 relative aux droits des citoyens dans leurs relations avec les administrations, et notamment son article 10,");
        Paragraph(dossier.Vote is { } vote
            ? $"Vu la délibération n°{vote.ReportNumber} du {vote.Assembly} en date du {FrenchText.Date(vote.SessionDate)},"
            : "Vu la délibération n° ………… en date du …………,");

        Heading("Exposé des motifs");
        Paragraph(request.Object);
        Paragraph($"Les actions se déroulent du {FrenchText.Date(request.ActionsStart)} au {FrenchText.Date(request.ActionsEnd)}, pour un budget prévisionnel global de {FrenchText.Euros(total)}.");
        Paragraph("Il est convenu ce qui suit :");

        Heading("Article 1 - Objet");
        Paragraph($"La présente convention a pour objet de définir les conditions dans lesquelles {a} apporte son soutien à {b.Name} en {year} "
            + $"et de définir les modalités de versement d'une subvention de {FrenchText.Euros(amount)}.");

        Heading("Article 2 - Les actions du bénéficiaire");
        Paragraph($"{b.Name} s'engage à conduire les actions conformes au programme et au budget décrits dans l'exposé des motifs et en annexe, "
            + $"entre le {FrenchText.Date(request.ActionsStart)} et le {FrenchText.Date(request.ActionsEnd)}.");
        Paragraph($"{b.Name} s'engage à rencontrer l'ensemble des financeurs au moins une fois par an pour présenter l'avancement du programme.");

        Heading($"Article 3 - Engagements de {a} et du bénéficiaire");
        Paragraph($"{a} attribue au bénéficiaire une subvention de {FrenchText.Euros(amount)} pour l'année {year}, pour un budget prévisionnel global de "
            + $"{FrenchText.Euros(total)} pour l'action décrite à l'article 1er{(total > 0 ? $", soit {FrenchText.Percent(amount / total * 100m)} de ce budget" : string.Empty)}.");
        Paragraph("Ce montant est un plafond non révisable à la hausse.");
        // The payment article is the payment terms of the request (seed 004, art. 3: "100%, soit 9 000 € à la signature").
        Paragraph($"La subvention {year} sera versée de la façon suivante :");
        foreach (var (instalment, share) in Instalments(request.PaymentTerms, amount))
        {
            Bullet($"{FrenchText.Percent(instalment.Percent)}, soit {FrenchText.Euros(share)}, {Trigger(instalment.Trigger)} ;");
        }

        var due = request.Convention.ReportDueDate is { } reportDue
            ? $"au plus tard le {FrenchText.Date(reportDue)}"
            : $"dans les six mois suivant la fin de l'exercice {year}";
        // Seed 004, art. 3: the financial report and the activity report, in two copies, with the indicators of the annexes;
        // CGCT L1611-4 (control of a subsidised body) and loi n°2000-321, art. 10 (the financial report, CERFA n°15059).
        Paragraph($"{b.Name} s'engage à fournir en fin de programme des actions, {due}, en deux exemplaires, un compte rendu financier (CERFA n°15059) et un rapport d'activité "
            + "qui détaillera les livrables produits et les résultats obtenus, conformément à l'article L 1611-4 du CGCT et à l'article 10 de la loi n°2000-321 du 12 avril 2000.");
        if (request.Convention.Indicators is { Count: > 0 } indicators)
        {
            Paragraph("Le rapport d'activité s'appuie sur les indicateurs suivants :");
            foreach (var indicator in indicators)
            {
                Bullet($"{indicator} ;");
            }
        }

        Heading("Article 4 - Durée et délai de validité");
        Paragraph($"La présente convention est conclue au titre de l'exercice {year}. Elle prendra effet à compter de la date de transmission au représentant de l'État"
            + (request.Convention.EndDate is { } end ? $" et cessera au plus tard le {FrenchText.Date(end)}." : " et cessera à l'acceptation du compte rendu financier."));
        var months = request.Convention.PaymentWindowMonths;
        Paragraph($"La participation financière de {a} doit donner lieu à une demande de paiement dans un délai de {months} mois à compter de la date de notification "
            + "de la présente convention, faute de quoi elle sera réputée caduque et pourra donner lieu à un remboursement dans les conditions de l'article 7 de la présente convention.");
        Paragraph($"{b.Name} s'engage, aux fins de contrôle, à conserver les pièces justificatives des dépenses effectuées dans le cadre de la présente convention pendant une durée de 10 ans.");

        Heading("Article 5 - Obligations du bénéficiaire");
        Paragraph($"{b.Name} s'engage à utiliser la subvention octroyée exclusivement à la réalisation de l'objet qui l'a motivée, tel que défini à l'article 1er de la présente convention.");
        Paragraph($"{b.Name} s'engage à mentionner le soutien financier de {a} dans toute action de communication, publication ou relation avec la presse relative aux actions soutenues, "
            + "proportionnellement à son montant par rapport aux autres partenaires.");
        Paragraph($"{b.Name} s'engage à prendre l'attache de {a} préalablement à toute organisation de cérémonie liée aux actions soutenues.");

        Heading("Article 6 - Modalités de contrôle");
        Paragraph($"Le contrôle de l'utilisation de l'aide est effectué au vu des justificatifs produits. En outre, les services de {a} sont habilités à procéder à toute autre forme "
            + "de contrôle, notamment sur place, avant et après le versement de l'aide.");

        Heading("Article 7 - Modification et reversement");
        Paragraph($"Toute modification significative du programme (délai de réalisation, nature des actions, etc.) ou de son mode de financement doit être notifiée par écrit à {a} "
            + "et acceptée par celle-ci. Ces modifications pourront donner lieu à un avenant à la convention.");
        Paragraph($"{a} pourra exiger le reversement total ou partiel de l'aide financière accordée :");
        Bullet("en cas d'utilisation différente, apparue au moment du contrôle, de celle qui avait motivé l'aide ;");
        Bullet("en cas d'inexécution partielle ou totale des conditions liées à l'octroi de l'aide, la subvention étant alors limitée à son taux appliqué aux dépenses réelles ;");
        Bullet("en cas de manquement aux obligations de la présente convention, notamment de ses articles 4 et 5, et en cas de non-production des justificatifs demandés lors d'un contrôle ;");
        Bullet($"en cas de modification significative du programme ou de son mode de financement qui n'aurait pas été notifiée à {a}.");

        Heading("Article 8 - Résiliation de la convention");
        Paragraph("En cas de non-respect des engagements inscrits dans la présente convention, celle-ci pourra être résiliée par l'une ou l'autre des parties, avec un préavis d'un mois "
            + "suivant l'envoi d'une lettre recommandée avec avis de réception valant mise en demeure.");
        Paragraph($"{a} pourra également résilier la convention, sans préavis ni indemnité, s'il apparaît que le bénéficiaire a fait des déclarations fausses ou incomplètes pour obtenir l'aide.");

        Heading("Article 9 - Litiges");
        Paragraph($"Tout litige relatif à l'interprétation et à l'exécution de la présente convention sera de la compétence du {authority.Court ?? "tribunal administratif territorialement compétent"}.");

        return new ConventionModel(
            $"Convention relative au soutien de {a} à {b.Name} pour l'année {year}",
            $"Subvention de {FrenchText.Euros(amount)} — inscription budgétaire {year} « {request.BudgetLine.Label} » ({request.BudgetLine.Code})",
            body,
            // Seed 004: "Fait en trois exemplaires".
            $"Fait en trois exemplaires à {authority.Seat ?? "…"}, le ………………",
            [
                new ConventionSignatory(b.Name, "Le représentant légal", b.Representative),
                new ConventionSignatory(a, $"{(feminine ? "La" : "Le")} {authority.PresidentTitle}", president),
            ],
            "Annexe : budget prévisionnel de l'action",
            new ConventionBudgetTable(
                request.Budget.Expenses.Select(e => new ConventionBudgetRow(e.Label, e.Amount)).ToList(),
                request.Budget.TotalExpenses,
                request.Budget.Revenues.Select(r => new ConventionBudgetRow(r.Funder, r.Amount)).ToList(),
                request.Budget.TotalRevenues));
    }

    /// <summary>Each instalment's amount, to the cent; the last one takes the rounding remainder so that they add up to the grant.</summary>
    public static IReadOnlyList<(Instalment Instalment, decimal Amount)> Instalments(IReadOnlyList<Instalment> terms, decimal amount)
    {
        var shares = new List<(Instalment, decimal)>();
        var allocated = 0m;
        for (var i = 0; i < terms.Count; i++)
        {
            var share = i == terms.Count - 1
                ? amount - allocated
                : Math.Round(amount * terms[i].Percent / 100m, 2, MidpointRounding.AwayFromZero);
            allocated += share;
            shares.Add((terms[i], share));
        }

        return shares;
    }

    private static string Trigger(InstalmentTrigger trigger) => trigger switch
    {
        InstalmentTrigger.AtSignature => "à la signature de la présente convention",
        InstalmentTrigger.OnPaymentRequest => "sur demande de paiement du bénéficiaire",
        InstalmentTrigger.OnFinalReport => "à la réception et à l'acceptation du compte rendu financier",
        InstalmentTrigger.OnProgress => "sur demande de paiement accompagnée d'un état d'avancement des actions",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    private static string Identifiers(Beneficiary b)
    {
        var ids = new[] { b.Siret is { Length: > 0 } s ? $"SIRET {s}" : null, b.Rna is { Length: > 0 } r ? $"RNA {r}" : null }.OfType<string>().ToList();
        return ids.Count == 0 ? string.Empty : $" ({string.Join(", ", ids)})";
    }
}
