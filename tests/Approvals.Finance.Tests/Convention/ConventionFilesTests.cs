using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Approvals.Finance.Tests;

public sealed class ConventionFilesTests
{
    private static ConventionModel Seed => ConventionDocument.Model(Dossiers.SeedPaid().State, Dossiers.AuthorityWithPresident);

    private static string Normalise(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Fact]
    public void The_docx_is_valid_and_holds_the_text_headings_and_budget_table()
    {
        using var stream = new MemoryStream();
        ConventionDocx.Write(stream, Seed);

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document.Body!;
        var text = Normalise(string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)));
        Assert.Contains("Campus des Métiers et des Qualifications Microtechniques et Systèmes Intelligents (CMQ MSI)", text);
        Assert.Contains("une subvention de 9 000 €", text);
        Assert.Contains("cessera au plus tard le 1er février 2023", text);
        Assert.Contains("dans un délai de 2 mois à compter de la date de notification de la présente convention, faute de quoi elle sera réputée caduque", text);

        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Contains("Article 4 - Durée et délai de validité", headings);
        Assert.Equal("Annexe : budget prévisionnel de l'action", headings[^1]);

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        var expenses = tables[1].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => Normalise(c.InnerText)).ToList()).ToList();
        Assert.Equal(["Salaires du personnel", "2 472 €"], expenses[1]);
        Assert.Equal(["TOTAL", "15 790 €"], expenses[^1]);
        Assert.Equal(["TOTAL", "15 790 €"], tables[2].Elements<TableRow>().Last().Elements<TableCell>().Select(c => Normalise(c.InnerText)));
    }

    [Fact]
    public void The_pdf_embeds_its_font_and_holds_the_text_on_numbered_a4_pages()
    {
        using var stream = new MemoryStream();
        ConventionPdf.Write(stream, Seed);
        Assert.Equal("%PDF-"u8.ToArray(), stream.ToArray()[..5]);

        stream.Position = 0;
        using var pdf = PdfDocument.Open(stream);
        var pages = pdf.GetPages().ToList();
        Assert.InRange(pages.Count, 3, 6);
        Assert.All(pages, p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        var text = Normalise(string.Join("\n", pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));

        Assert.Contains("Convention relative au soutien de Grand Besançon Métropole", text);
        Assert.Contains("Campus des Métiers et des Qualifications", text);
        Assert.Contains("9 000 €", text);
        Assert.Contains("1er février 2023", text);
        Assert.Contains("réputée caduque", text);
        Assert.Contains("2 mois à compter de la date de notification", text);
        Assert.Contains("15 790 €", text);
        Assert.Contains($"Page {pages.Count} / {pages.Count}", text);
        Assert.Contains("TOTAL 15 790 €", Normalise(string.Join(" ", pages[^1].GetWords().Select(w => w.Text))));
        Assert.All(pages.SelectMany(p => p.Letters), l => Assert.Contains("DejaVuSans", l.FontName));
    }

    private static string DocxText(ConventionModel model)
    {
        using var stream = new MemoryStream();
        ConventionDocx.Write(stream, model);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        return Normalise(string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText)));
    }

    private static string PdfText(ConventionModel model)
    {
        using var stream = new MemoryStream();
        ConventionPdf.Write(stream, model);
        stream.Position = 0;
        using var pdf = PdfDocument.Open(stream);
        return Normalise(string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [Fact]
    public void GivenTheSeedDossier_WhenItsConventionIsWritten_ThenBothFilesSayThreeCopiesItsPaymentTermsAndTheReportsWithTheAnnexIndicators()
    {
        foreach (var text in new[] { DocxText(Seed), PdfText(Seed) })
        {
            // Seed 004: "Fait en trois exemplaires"; art. 3: "100%, soit 9 000 € à la signature de la présente convention";
            // "en deux exemplaires, un compte rendu financier et un rapport d'activité [...] en appui sur les indicateurs figurant en annexe 1 et 3".
            Assert.Contains("Fait en trois exemplaires à Besançon", text);
            Assert.DoesNotContain("deux exemplaires à", text);
            Assert.Contains("100 %, soit 9 000 €, à la signature de la présente convention", text);
            Assert.Contains("en deux exemplaires, un compte rendu financier (CERFA n°15059) et un rapport d'activité", text);
            Assert.Contains("Le rapport d'activité s'appuie sur les indicateurs suivants", text);
            Assert.Contains("Effectifs concernés par chaque action et leurs profils", text);
            Assert.Contains("Entreprises impliquées dans chaque action", text);
            Assert.Contains("Transmission de la vidéo réalisée sur le salon Micronora", text);
        }
    }

    [Fact]
    public void GivenOtherPaymentTerms_WhenTheConventionIsWritten_ThenItsPaymentArticleFollowsThem()
    {
        var large = Dossiers.LargeTwoInstalments().State;
        var request = large.Request! with
        {
            PaymentTerms =
            [
                new Domain.Instalment("Avance", 30m, Domain.InstalmentTrigger.AtSignature),
                new Domain.Instalment("Acompte", 20m, Domain.InstalmentTrigger.OnPaymentRequest),
                new Domain.Instalment("Solde", 50m, Domain.InstalmentTrigger.OnFinalReport),
            ],
        };
        var model = ConventionDocument.Model(large with { Request = request }, Dossiers.AuthorityWithPresident);

        foreach (var text in new[] { DocxText(model), PdfText(model) })
        {
            Assert.Contains("30 %, soit 12 000 €, à la signature de la présente convention", text);
            Assert.Contains("20 %, soit 8 000 €, sur demande de paiement du bénéficiaire", text);
            Assert.Contains("50 %, soit 20 000 €, à la réception et à l'acceptation du compte rendu financier", text);
            Assert.DoesNotContain("100 %", text);
        }
    }

    [Fact]
    public void A_long_text_wraps_within_the_margins_and_breaks_across_pages()
    {
        var longer = Seed with
        {
            Body = [.. Seed.Body, .. Enumerable.Repeat(new ConventionBlock(ConventionBlockKind.Paragraph, string.Concat(Enumerable.Repeat("Texte de remplissage très long pour éprouver la mise en page. ", 30))), 12)],
        };
        using var stream = new MemoryStream();
        ConventionPdf.Write(stream, longer);

        stream.Position = 0;
        using var pdf = PdfDocument.Open(stream);
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count >= 6, $"{pages.Count} pages");
        foreach (var letter in pages.SelectMany(p => p.Letters))
        {
            Assert.InRange(letter.BoundingBox.Left, 50, 545.5);
            Assert.InRange(letter.BoundingBox.Right, 50, 545.5);
            Assert.InRange(letter.BoundingBox.Bottom, 20, 800);
        }
    }
}
