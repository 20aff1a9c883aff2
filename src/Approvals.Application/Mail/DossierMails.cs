using System.Globalization;
using Approvals.Domain;

namespace Approvals.Application;

using static MailBlock;

/// <summary>
/// The French e-mails of a dossier, as pure functions of its state: the same state and key always give the same
/// message. Templates only choose words and facts; <see cref="MailLayout"/> encodes every value into the HTML body,
/// and the subject loses any line break a value might carry.
/// </summary>
public static class DossierMails
{
    /// <summary>
    /// To finance, once the grant can be paid: adopted and its convention signed (or, without a convention, the
    /// deliberation enforceable). Everything needed to commit and pay it, and links to the deliberation and the
    /// signed convention, which expire after <paramref name="linkLifetime"/>.
    /// </summary>
    public static OutgoingMail Approval(
        Dossier dossier, MailRecipients recipients, IReadOnlyList<DocumentLink> links, string key, TimeSpan? linkLifetime = null)
    {
        var (number, request) = Require(dossier);
        var vote = dossier.Vote ?? throw new InvalidOperationException($"Dossier {number} has no vote: no approval mail before it.");
        var signature = dossier.Signature;
        var blocks = new List<MailBlock>
        {
            new Paragraph(signature is null
                ? "La subvention ci-dessous a été adoptée et la délibération est exécutoire (subvention sans convention) : "
                  + "elle peut être engagée et versée selon les modalités de versement indiquées."
                : "La subvention ci-dessous a été adoptée, la délibération est exécutoire et la convention est signée par les deux parties : "
                  + "elle peut être engagée et versée selon les modalités de versement indiquées."),
            BeneficiaryFacts(request),
            new Facts("Subvention",
            [
                ("Objet", request.Object),
                ("Montant voté", Money.Format(dossier.AmountVoted)),
                ("Budget prévisionnel", Money.Format(request.Budget.TotalExpenses)),
                ("Taux de subvention", $"{Percent(dossier.GrantRate * 100m)} du budget prévisionnel"),
                ("Période des actions", $"du {FrenchDates.Long(request.ActionsStart)} au {FrenchDates.Long(request.ActionsEnd)}"),
            ]),
            BudgetLineFacts(request, dossier.CreditsCommitted),
            PaymentTerms(request, dossier.AmountVoted),
            new Facts("Vote",
            [
                ("Séance", $"{vote.Assembly} du {FrenchDates.Long(vote.SessionDate)}"),
                ("Rapport", $"n° {vote.ReportNumber}, rapporteur : {vote.Rapporteur}"),
                ("Résultat", vote.Count.Wording),
                ("Décompte", $"pour : {vote.Tally.For}, contre : {vote.Tally.Against}, abstention : {vote.Tally.Abstention} "
                    + $"({vote.Count.Voters} votants, {Count(vote.Attendance.Interested.Count, "conseiller intéressé", "conseillers intéressés")})"),
            ]),
            LegalityFacts(dossier),
        };
        if (signature is not null)
        {
            blocks.Add(new Facts("Signature de la convention",
            [
                ("Pour la collectivité", $"le {FrenchDates.Long(signature.AuthoritySignedOn)}, par {signature.AuthoritySignatory}"),
                ("Pour le bénéficiaire", $"le {FrenchDates.Long(signature.BeneficiarySignedOn)}, par {signature.BeneficiarySignatory}"),
                ("Fin de la convention", request.Convention.EndDate is { } end ? FrenchDates.Long(end) : "non précisée"),
            ]));
        }

        blocks.Add(links.Count == 0
            ? new Paragraph($"Aucun document (délibération, convention signée) n'est encore joint au dossier {number}.")
            : new Links("Documents", links, LinksNote(number, linkLifetime)));

        var title = signature is null ? "Subvention adoptée — délibération exécutoire" : "Subvention adoptée — convention signée";
        return MailLayout.Compose(key, recipients.Finance,
            $"{number} — Subvention adoptée : {request.Beneficiary.Name} — {Money.Format(dossier.AmountVoted)}", title, blocks);
    }

    /// <summary>To finance: the beneficiary asked for payment; what is asked, what was voted, paid and left to pay.</summary>
    public static OutgoingMail PaymentRequestReceived(Dossier dossier, MailRecipients recipients, DossierEvent.PaymentRequested request, string key)
    {
        var (number, grant) = Require(dossier);
        var within = dossier.Notification?.PaymentWindowLastDay is { } lastDay ? $", dans le délai qui courait jusqu'au {FrenchDates.Long(lastDay)}" : string.Empty;
        var blocks = new List<MailBlock>
        {
            new Paragraph($"Le bénéficiaire a demandé le {FrenchDates.Long(request.ReceivedOn)} le versement de {Money.Format(request.Amount)} "
                + $"au titre de la subvention {number}{within}."),
            BeneficiaryFacts(grant),
            new Facts("Subvention",
            [
                ("Objet", grant.Object),
                ("Montant de cette demande", Money.Format(request.Amount)),
                ("Montant voté", Money.Format(dossier.AmountVoted)),
                ("Total demandé à ce jour", Money.Format(dossier.Payments.AmountRequested)),
                ("Déjà versé", Money.Format(dossier.AmountPaid)),
                ("Reste à verser", Money.Format(dossier.AmountVoted - dossier.AmountPaid)),
            ]),
            BudgetLineFacts(grant, dossier.CreditsCommitted),
            PaymentTerms(grant, dossier.AmountVoted),
            LegalityFacts(dossier),
        };
        return MailLayout.Compose(key, recipients.Finance,
            $"{number} — Demande de paiement reçue : {grant.Beneficiary.Name} — {Money.Format(request.Amount)}", "Demande de paiement reçue", blocks);
    }

    /// <summary>
    /// To the beneficiary and the case officer: the convention is notified; the payment must be asked for before the
    /// window closes, or the grant lapses; when the final report is due.
    /// </summary>
    public static OutgoingMail Notification(Dossier dossier, string key)
    {
        var (number, request) = Require(dossier);
        var notifiedOn = dossier.Notification?.NotifiedOn ?? throw new InvalidOperationException($"Dossier {number} is not notified.");
        var lastDay = dossier.Notification?.PaymentWindowLastDay ?? throw new InvalidOperationException($"Dossier {number} has no payment window.");
        var months = request.Convention.PaymentWindowMonths;
        var hasConvention = request.Convention.HasConvention;
        var act = hasConvention ? "La convention" : "La décision d'attribution";
        var reportDue = Workflow.Deadlines(dossier).FirstOrDefault(d => d.Kind == DeadlineKind.ReportDue)?.Day;

        var facts = new List<(string, string)>
        {
            ("Dossier", number),
            ("Objet", request.Object),
            ("Montant attribué", Money.Format(dossier.AmountVoted)),
            ("Notifiée le", FrenchDates.Long(notifiedOn)),
            ("Demande de paiement au plus tard le", FrenchDates.Long(lastDay)),
        };
        if (reportDue is { } due)
        {
            facts.Add(("Compte rendu financier à remettre le", FrenchDates.Long(due)));
        }

        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"{act} relative à la subvention de {Money.Format(dossier.AmountVoted)} attribuée à {request.Beneficiary.Name} "
                + $"pour « {request.Object} » vous est notifiée le {FrenchDates.Long(notifiedOn)}."),
            new Paragraph($"Le paiement doit être demandé au plus tard le {FrenchDates.Long(lastDay)}, fin de journée. "
                + "À défaut, la subvention sera réputée caduque.", Important: true),
            new Paragraph(hasConvention
                ? "La convention le prévoit : « La participation financière doit donner lieu à une demande de paiement dans un délai de "
                  + $"{Count(months, "mois", "mois")} à compter de la date de notification de la présente convention, faute de quoi elle sera "
                  + "réputée caduque et pourra donner lieu à un remboursement dans les conditions de l'article 7 de la présente convention. »"
                : $"La décision d'attribution le prévoit : le paiement doit être demandé dans un délai de {Count(months, "mois", "mois")} "
                  + "à compter de sa notification, faute de quoi la subvention est réputée caduque."),
            new Facts("Votre subvention", facts),
            PaymentTerms(request, dossier.AmountVoted),
        };
        if (reportDue is { } reportDay)
        {
            blocks.Add(new Paragraph($"Le compte rendu financier (CERFA n°15059) et le rapport d'activité sont à remettre au plus tard le "
                + $"{FrenchDates.Long(reportDay)}."));
        }

        blocks.Add(Contact(request));
        var title = hasConvention ? "Notification de la convention" : "Notification de la décision d'attribution";
        return MailLayout.Compose(key, [request.Beneficiary.Email, request.CaseOfficerEmail],
            $"{number} — {title} : paiement à demander au plus tard le {FrenchDates.Long(lastDay)}", title, blocks);
    }

    /// <summary>To the case officer: some days are left before a deadline (payment request, final report…) of the beneficiary.</summary>
    public static OutgoingMail Reminder(Dossier dossier, DossierEvent.ReminderDue reminder, string key)
    {
        var (number, request) = Require(dossier);
        var action = DeadlineLabels.ActionBefore(reminder.RemindsOf);
        var days = Count(reminder.DaysBefore, "jour", "jours");
        var title = reminder.DaysBefore == 1 ? $"Rappel : plus qu'un jour pour {action}" : $"Rappel : plus que {days} pour {action}";
        var deadline = $"Date limite : {FrenchDates.Long(reminder.DeadlineDay)}, fin de journée.";
        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"Il reste {days} pour {action} au titre de la subvention de {Money.Format(dossier.AmountVoted)} "
                + $"attribuée à {request.Beneficiary.Name} pour « {request.Object} »."),
            new Paragraph(Consequence(reminder.RemindsOf, request) is { } consequence ? $"{deadline} {consequence}" : deadline, Important: true),
            new Facts("Échéance",
            [
                ("Dossier", number),
                ("Échéance", DeadlineLabels.Of(reminder.RemindsOf)),
                ("Date limite", FrenchDates.Long(reminder.DeadlineDay)),
                ("Montant attribué", Money.Format(dossier.AmountVoted)),
            ]),
            Contact(request),
        };
        // The beneficiary receives their own reminder, in their words (BeneficiaryMails.Reminder).
        return MailLayout.Compose(key, [request.CaseOfficerEmail], $"{number} — {title}", title, blocks);
    }

    /// <summary>
    /// To the case officer and finance: the final report was not received by its due day. When the clock
    /// catches up late its reminders are skipped, so this notice is the one mail the missed deadline sends; finance is told
    /// because a recovery order is theirs to make.
    /// </summary>
    public static OutgoingMail ReportOverdue(Dossier dossier, MailRecipients recipients, DossierEvent.ReportOverdue overdue, string key)
    {
        var (number, request) = Require(dossier);
        var title = "Compte rendu financier non remis";
        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"Le compte rendu financier (CERFA n°15059) de la subvention de {Money.Format(dossier.AmountVoted)} attribuée à "
                + $"{request.Beneficiary.Name} pour « {request.Object} » devait être remis au plus tard le {FrenchDates.Long(overdue.DueOn)}. "
                + "Il n'a pas été reçu à cette date."),
            new Paragraph(Consequence(DeadlineKind.ReportDue, request)!, Important: true),
            new Facts(title,
            [
                ("Dossier", number),
                ("Bénéficiaire", request.Beneficiary.Name),
                ("Date limite de remise", FrenchDates.Long(overdue.DueOn)),
                ("Montant attribué", Money.Format(dossier.AmountVoted)),
                ("Montant versé", Money.Format(dossier.AmountPaid)),
            ]),
            Contact(request),
        };
        // The beneficiary receives their own notice, in their words (BeneficiaryMails.ReportOverdue).
        return MailLayout.Compose(key, [request.CaseOfficerEmail, .. recipients.Finance],
            $"{number} — {title} : {request.Beneficiary.Name}", title, blocks);
    }

    /// <summary>To the beneficiary, the case officer and finance: no payment was asked for in time; the grant lapsed and its credits are released.</summary>
    public static OutgoingMail Lapsed(Dossier dossier, MailRecipients recipients, string key)
    {
        var (number, request) = Require(dossier);
        var lastDay = dossier.EndedOn ?? dossier.Notification?.PaymentWindowLastDay
            ?? throw new InvalidOperationException($"Dossier {number} has no payment window: it cannot have lapsed.");
        var released = dossier.AmountVoted - dossier.AmountPaid;
        var line = request.BudgetLine;
        var notified = dossier.Notification?.NotifiedOn is { } on ? $" qui suivait la notification du {FrenchDates.Long(on)}" : string.Empty;
        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"Aucune demande de paiement n'a été reçue dans le délai de {Count(request.Convention.PaymentWindowMonths, "mois", "mois")}{notified}. "
                + $"Ce délai a expiré le {FrenchDates.Long(lastDay)} à minuit."),
            new Paragraph($"La subvention de {Money.Format(dossier.AmountVoted)} attribuée à {request.Beneficiary.Name} est réputée caduque "
                + $"depuis le {FrenchDates.Long(lastDay.AddDays(1))}.", Important: true),
            new Paragraph($"Les crédits de {Money.Format(released)} sont libérés sur la ligne budgétaire {line.Code} « {line.Label} » (exercice {Year(line.Year)})."),
        };
        if (dossier.AmountPaid > 0)
        {
            blocks.Add(new Paragraph($"Les sommes déjà versées ({Money.Format(dossier.AmountPaid)}) pourront donner lieu à un reversement "
                + "dans les conditions de l'article 7 de la convention."));
        }

        blocks.Add(new Facts("Subvention caduque",
        [
            ("Dossier", number),
            ("Bénéficiaire", request.Beneficiary.Name),
            ("Objet", request.Object),
            ("Montant voté", Money.Format(dossier.AmountVoted)),
            ("Fin du délai de demande de paiement", FrenchDates.Long(lastDay)),
            ("Crédits libérés", Money.Format(released)),
        ]));
        blocks.Add(Contact(request));
        return MailLayout.Compose(key, [request.Beneficiary.Email, request.CaseOfficerEmail, .. recipients.Finance],
            $"{number} — Subvention caduque : {request.Beneficiary.Name} — {Money.Format(dossier.AmountVoted)}", "Subvention réputée caduque", blocks);
    }

    /// <summary>To finance and the beneficiary: repayment is ordered, why, on what basis, and (for a shortfall) how it was computed.</summary>
    public static OutgoingMail RecoveryOrdered(Dossier dossier, MailRecipients recipients, string key)
    {
        var (number, request) = Require(dossier);
        var reason = dossier.Recovery?.Reason ?? throw new InvalidOperationException($"Dossier {number} has no recovery order.");
        var orderedOn = dossier.EndedOn ?? throw new InvalidOperationException($"Dossier {number} has no recovery date.");
        var basis = request.Convention.HasConvention
            ? "article 7 de la convention (modification et reversement)"
            : dossier.Vote is { } vote ? $"conditions d'octroi fixées par la délibération du {FrenchDates.Long(vote.SessionDate)}" : "conditions d'octroi de la subvention";
        var blocks = new List<MailBlock>
        {
            new Paragraph("Madame, Monsieur,"),
            new Paragraph($"Le {FrenchDates.Long(orderedOn)}, la collectivité a ordonné le reversement de {Money.Format(dossier.AmountRecovered)} "
                + $"au titre de la subvention {number} attribuée à {request.Beneficiary.Name} pour « {request.Object} »."),
            new Facts("Reversement",
            [
                ("Montant à reverser", Money.Format(dossier.AmountRecovered)),
                ("Motif", MailLabels.Of(reason)),
                ("Fondement", basis),
                ("Montant voté", Money.Format(dossier.AmountVoted)),
                ("Montant versé", Money.Format(dossier.AmountPaid)),
            ]),
        };
        if (reason == RecoveryReason.CostsShortfall && dossier.Report?.Settlement is { } settlement)
        {
            blocks.Add(new Facts("Calcul au prorata",
            [
                ("Dépenses réelles éligibles", Money.Format(settlement.RealEligibleCosts)),
                ("Taux de subvention", Percent(settlement.Rate * 100m)),
                ("Subvention due", Money.Format(settlement.Entitled)),
                ("Déjà versé", Money.Format(settlement.Paid)),
                ("À reverser", Money.Format(settlement.Recovery)),
            ]));
        }

        blocks.Add(new Paragraph("Un titre de recette sera adressé au bénéficiaire par le comptable public.", Important: true));
        blocks.Add(BeneficiaryFacts(request));
        return MailLayout.Compose(key, [.. recipients.Finance, request.Beneficiary.Email],
            $"{number} — Reversement ordonné : {request.Beneficiary.Name} — {Money.Format(dossier.AmountRecovered)}", "Reversement ordonné", blocks);
    }

    /// <summary>To finance, daily: the coming deadlines grouped by week (Monday to Sunday), the overdue ones first.</summary>
    public static OutgoingMail Digest(IReadOnlyList<DigestLine> lines, MailRecipients recipients, DateOnly today, string key)
    {
        var title = $"Échéances des subventions au {FrenchDates.Long(today)}";
        var overdue = lines.Where(l => l.Overdue).OrderBy(l => l.Day).ThenBy(l => l.Number, StringComparer.Ordinal).ToList();
        var blocks = new List<MailBlock>();
        if (lines.Count == 0)
        {
            blocks.Add(new Paragraph("Aucune échéance dans les semaines à venir."));
            return MailLayout.Compose(key, recipients.Finance, $"{title} : aucune échéance", title, blocks);
        }

        var summary = $"{Count(lines.Count, "échéance", "échéances")}, dont {overdue.Count} en retard";
        blocks.Add(new Paragraph($"{char.ToUpperInvariant(summary[0])}{summary[1..]}."));
        if (overdue.Count > 0)
        {
            blocks.Add(DigestTable($"En retard ({overdue.Count})", overdue));
        }

        var thisWeek = Monday(today);
        foreach (var week in lines.Where(l => !l.Overdue).GroupBy(l => Monday(l.Day)).OrderBy(g => g.Key))
        {
            var heading = $"Semaine du {FrenchDates.Long(week.Key)}{(week.Key == thisWeek ? " (cette semaine)" : string.Empty)}";
            blocks.Add(DigestTable(heading, [.. week.OrderBy(l => l.Day).ThenBy(l => l.Number, StringComparer.Ordinal)]));
        }

        return MailLayout.Compose(key, recipients.Finance, $"{title} : {summary}", title, blocks);
    }

    private static (string Number, GrantRequest Request) Require(Dossier dossier) =>
        dossier is { Number: { } number, Request: { } request }
            ? (number.ToString(), request)
            : throw new InvalidOperationException("A dossier without a request has no e-mail.");

    private static Facts BeneficiaryFacts(GrantRequest request) => new("Bénéficiaire",
    [
        ("Nom", request.Beneficiary.Name),
        ("SIRET", request.Beneficiary.Siret ?? "non renseigné"),
        ("RNA", request.Beneficiary.Rna ?? "non renseigné"),
        ("Représentant légal", request.Beneficiary.Representative),
        ("Courriel", request.Beneficiary.Email),
    ]);

    private static Facts BudgetLineFacts(GrantRequest request, decimal committed) => new("Inscription budgétaire",
    [
        ("Exercice", Year(request.BudgetLine.Year)),
        ("Code", request.BudgetLine.Code),
        ("Libellé", request.BudgetLine.Label),
        ("Crédits engagés", Money.Format(committed)),
    ]);

    private static Facts LegalityFacts(Dossier dossier) => new("Contrôle de légalité",
    [
        ("Identifiant ACTES", dossier.Receipt?.ActesId.ToString() ?? "non encore attribué"),
        ("Transmise le", dossier.Transmission is { } t ? $"{FrenchDates.Long(t.SentOn)} via {t.Platform}" : "non transmise"),
        ("Reçue en préfecture le", dossier.Receipt?.ReceivedOn is { } on ? FrenchDates.Long(on) : "accusé de réception attendu"),
    ]);

    /// <summary>Each instalment's amount from the voted amount, to the cent; the last takes the rounding remainder so that they add up exactly.</summary>
    private static Table PaymentTerms(GrantRequest request, decimal voted)
    {
        var rows = new List<IReadOnlyList<string>>();
        var allotted = 0m;
        for (var i = 0; i < request.PaymentTerms.Count; i++)
        {
            var instalment = request.PaymentTerms[i];
            var amount = i == request.PaymentTerms.Count - 1 && request.PaymentTerms.Sum(t => t.Percent) == 100m
                ? voted - allotted
                : Math.Round(voted * instalment.Percent / 100m, 2, MidpointRounding.AwayFromZero);
            allotted += amount;
            rows.Add([instalment.Label, Percent(instalment.Percent), Money.Format(amount), MailLabels.Of(instalment.Trigger)]);
        }

        return new Table("Modalités de versement", ["Échéance", "Part", "Montant", "Versement"], rows);
    }

    private static Table DigestTable(string heading, IReadOnlyList<DigestLine> lines) =>
        new(heading, ["Date", "Dossier", "Bénéficiaire", "Échéance"],
            [.. lines.Select(l => (IReadOnlyList<string>)[FrenchDates.Long(l.Day), l.Number, l.Beneficiary, l.Label])]);

    private static string? Consequence(DeadlineKind kind, GrantRequest request) => kind switch
    {
        DeadlineKind.PaymentWindow => "À défaut de demande de paiement à cette date, la subvention sera réputée caduque.",
        DeadlineKind.ReportDue => request.Convention.HasConvention
            ? "À défaut, le reversement de la subvention pourra être exigé (article 7 de la convention)."
            : "À défaut, le reversement de la subvention pourra être exigé.",
        _ => null,
    };

    private static Paragraph Contact(GrantRequest request) =>
        new($"Pour toute question, écrivez à l'agent instructeur de votre dossier : {request.CaseOfficerEmail}.");

    private static string LinksNote(string number, TimeSpan? lifetime)
    {
        var validity = lifetime switch
        {
            null => "Ces liens expirent après quelques jours",
            { TotalDays: >= 1 } l when l.TotalDays == Math.Floor(l.TotalDays) => $"Liens valables {Count((int)l.TotalDays, "jour", "jours")}",
            { } l => $"Liens valables {Count((int)Math.Ceiling(l.TotalHours), "heure", "heures")}",
        };
        return $"{validity} : passé ce délai, retrouvez les documents dans le dossier {number} sur l'intranet.";
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static string Percent(decimal percent) =>
        Math.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + "\u00A0%";

    private static string Count(int n, string one, string many) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n is 1 or -1 or 0 ? one : many)}";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
