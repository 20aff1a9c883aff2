using Approvals.Domain;

namespace Approvals.Finance.Tests;

public sealed class ConventionDocumentTests
{
    private static ConventionModel Seed => ConventionDocument.Model(Dossiers.SeedPaid().State, Dossiers.AuthorityWithPresident);

    private static string Text(ConventionModel model) => string.Join("\n", model.Body.Select(b => b.Text)).Replace('\u00A0', ' ');

    [Fact]
    public void The_seed_convention_follows_the_seeds_article_structure()
    {
        var model = Seed;

        Assert.StartsWith("Convention relative au soutien de Grand Besançon Métropole à Campus des Métiers", model.Title);
        Assert.Equal(
        [
            "Exposé des motifs", "Article 1 - Objet", "Article 2 - Les actions du bénéficiaire",
            "Article 3 - Engagements de Grand Besançon Métropole et du bénéficiaire", "Article 4 - Durée et délai de validité",
            "Article 5 - Obligations du bénéficiaire", "Article 6 - Modalités de contrôle", "Article 7 - Modification et reversement",
            "Article 8 - Résiliation de la convention", "Article 9 - Litiges",
        ], model.Body.Where(b => b.Kind == ConventionBlockKind.Heading).Select(b => b.Text));
    }

    [Fact]
    public void The_seed_convention_states_the_parties_amounts_dates_and_rules()
    {
        var text = Text(Seed);

        Assert.Contains("Grand Besançon Métropole, représentée par sa Présidente, Anne VIGNOT, dûment habilitée à signer", text);
        Assert.Contains("représentée par Pascal Vairac", text);
        Assert.Contains("article L 1611-4", text);
        Assert.Contains("Vu la délibération n°2022-06-09-12 du Bureau en date du 9 juin 2022", text);
        Assert.Contains("une subvention de 9 000 €", text);
        Assert.Contains("budget prévisionnel global de 15 790 €", text);
        Assert.Contains("Ce montant est un plafond non révisable à la hausse.", text);
        Assert.Contains("100 %, soit 9 000 €, à la signature de la présente convention", text);
        Assert.Contains("transmission au représentant de l'État et cessera au plus tard le 1er février 2023", text);
        Assert.Contains("dans un délai de 2 mois à compter de la date de notification", text);
        Assert.Contains("faute de quoi elle sera réputée caduque", text);
        Assert.Contains("pendant une durée de 10 ans", text);
        Assert.Contains("préavis d'un mois suivant l'envoi d'une lettre recommandée", text);
        Assert.Contains("Tribunal administratif de Besançon", text);
    }

    [Fact]
    public void The_annex_holds_the_balanced_provisional_budget()
    {
        var budget = Seed.Budget;

        Assert.Equal(5, budget.Expenses.Count);
        Assert.Equal(15_790m, budget.TotalExpenses);
        Assert.Equal(["Région Bourgogne Franche-Comté", "Grand Besançon Métropole", "Rectorat de l'académie de Besançon"], budget.Revenues.Select(r => r.Label));
        Assert.Equal(15_790m, budget.TotalRevenues);
        Assert.Equal(["Pascal Vairac", "Anne VIGNOT"], Seed.Signatories.Select(s => s.Name));
    }

    [Fact]
    public void Instalments_add_up_to_the_grant_to_the_cent()
    {
        Instalment[] terms =
        [
            new("Avance", 33.33m, InstalmentTrigger.AtSignature),
            new("Deuxième", 33.33m, InstalmentTrigger.OnPaymentRequest),
            new("Solde", 33.34m, InstalmentTrigger.OnFinalReport),
        ];

        var shares = ConventionDocument.Instalments(terms, 1_000.01m);

        Assert.Equal([333.30m, 333.30m, 333.41m], shares.Select(s => s.Amount));
        Assert.Equal(1_000.01m, shares.Sum(s => s.Amount));
    }

    [Fact]
    public void A_draft_before_the_vote_shows_the_amount_requested_and_a_blank_deliberation()
    {
        var submitted = SeedHistory.Of(SeedDossier.ThroughPayment.Take(1)).State;

        var text = Text(ConventionDocument.Model(submitted, Dossiers.Authority));

        Assert.Contains("Vu la délibération n° ………… en date du …………", text);
        Assert.Contains("représentée par son Président, …", text);
        Assert.Contains("une subvention de 9 000 €", text);
        Assert.Contains("tribunal administratif territorialement compétent", text);
    }

    [Fact]
    public void Instalments_and_the_legal_report_deadline_of_a_larger_grant_are_written_out()
    {
        var large = Dossiers.LargeTwoInstalments().State;
        var request = large.Request! with { Convention = large.Request.Convention with { EndDate = null } };

        var text = Text(ConventionDocument.Model(large with { Request = request }, Dossiers.AuthorityWithPresident));

        Assert.Contains("60 %, soit 24 000 €, à la signature de la présente convention ;", text);
        Assert.Contains("40 %, soit 16 000 €, à la réception et à l'acceptation du compte rendu financier ;", text);
        Assert.Contains("soit 57,14 % de ce budget", text);
        Assert.Contains("dans les six mois suivant la fin de l'exercice 2022", text);
        Assert.Contains("cessera à l'acceptation du compte rendu financier", text);
    }
}
