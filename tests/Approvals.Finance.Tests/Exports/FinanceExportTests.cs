using System.Text;
using Approvals.Domain;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approvals.Finance.Tests;

public sealed class FinanceExportTests
{
    private static string Csv(IEnumerable<Dossier> dossiers)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            FinanceExport.WriteCsv(writer, dossiers);
        }

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.NotEqual([0xEF, 0xBB, 0xBF], bytes[3..6]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public void The_csv_has_one_row_per_dossier_in_french_excel_format()
    {
        var rows = Finance.Tests.Csv.Parse(Csv([Dossiers.SeedPaid().State, Dossiers.LargeTwoInstalments().State]), ';');

        Assert.Equal(3, rows.Count);
        Assert.Equal(FinanceRow.Headings, rows[0]);
        Assert.All(rows, r => Assert.Equal(19, r.Count));
        var seed = rows[1];
        Assert.Equal("SUB-2022-0042", seed[0]);
        Assert.StartsWith("Campus des Métiers", seed[1]);
        Assert.Equal(SeedDossier.Siret, seed[2]);
        Assert.Equal(["2022", "65-23-6574", "Enseignement supérieur", "paiement demandé"], seed[4..8]);
        Assert.Equal(["9000,00", "9000,00", "9000,00", "9000,00", "0,00", "57,00"], seed[8..14]);
        Assert.Equal(["30/06/2022", "30/08/2022", "30/06/2023", ""], seed[14..18]);
        Assert.Equal(["40000,00", "40000,00", "40000,00", "40000,00", "0,00", "57,14"], rows[2][8..14]);
    }

    [Fact]
    public void The_last_column_summarises_the_payment_schedule()
    {
        var rows = Finance.Tests.Csv.Parse(Csv([Dossiers.SeedPaid().State, Dossiers.LargeTwoInstalments().State]), ';');

        Assert.Equal("Échéancier", rows[0][^1]);
        // Seed 004, art. 3: the whole 9 000 € at signature, paid on 29 July 2022.
        Assert.Equal("100\u00A0% à la signature : 9\u202F000,00\u00A0€ (versé)", rows[1][^1]);
        // 60 % of 40 000 € at signature, 40 % on the final report, both paid.
        Assert.Equal(
            "60\u00A0% à la signature : 24\u202F000,00\u00A0€ (versé) ; 40\u00A0% sur compte rendu final : 16\u202F000,00\u00A0€ (versé)",
            rows[2][^1]);
    }

    [Fact]
    public void The_schedule_says_what_is_expected_and_what_is_due()
    {
        var voted = SeedHistory.Of(SeedDossier.ThroughPayment.Take(2)).State;
        var notified = SeedHistory.Of(SeedDossier.ThroughPayment.Take(6)).State;

        var rows = Finance.Tests.Csv.Parse(Csv([voted, notified]), ';');

        Assert.Equal("100\u00A0% à la signature : 9\u202F000,00\u00A0€ (attendu)", rows[1][^1]);
        Assert.Equal("100\u00A0% à la signature : 9\u202F000,00\u00A0€ (dû)", rows[2][^1]);
    }

    [Fact]
    public void The_workbook_ends_with_the_schedule_as_text()
    {
        using var stream = new MemoryStream();
        FinanceExport.WriteXlsx(stream, [Dossiers.LargeTwoInstalments().State]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var schedule = rows[1].Elements<Cell>().Last();
        Assert.Equal(CellValues.InlineString, schedule.DataType!.Value);
        Assert.Equal(
            "60\u00A0% à la signature : 24\u202F000,00\u00A0€ (versé) ; 40\u00A0% sur compte rendu final : 16\u202F000,00\u00A0€ (versé)",
            schedule.InnerText);
    }

    [Fact]
    public void A_dossier_before_notification_has_no_dates_and_a_withdrawn_one_its_end()
    {
        var withdrawn = SeedHistory.Of(SeedDossier.ThroughPayment.Take(2))
            .Apply(new DossierCommand.Withdraw(new DateOnly(2022, 6, 15), "Renonciation"), SeedDossier.At(2022, 6, 15))
            .State;

        var row = Finance.Tests.Csv.Parse(Csv([withdrawn]), ';')[1];

        Assert.Equal("retirée", row[7]);
        Assert.Equal(["9000,00", "9000,00", "0,00", "0,00", "0,00"], row[8..13]);
        Assert.Equal(["", "", "", "15/06/2022"], row[14..18]);
    }

    [Fact]
    public void A_beneficiary_named_like_a_formula_is_neutralised()
    {
        var hostile = Dossiers.LargeTwoInstalments(beneficiaryName: "=HYPERLINK(\"http://x\")").State;

        var text = Csv([hostile]);

        Assert.Contains("'=HYPERLINK", text);
        Assert.DoesNotContain(";=HYPERLINK", text);
        Assert.Equal("'=HYPERLINK(\"http://x\")", Finance.Tests.Csv.Parse(text, ';')[1][1]);
    }

    [Fact]
    public void The_workbook_holds_numbers_dates_and_inline_text()
    {
        using var stream = new MemoryStream();
        FinanceExport.WriteXlsx(stream, [Dossiers.SeedPaid().State, Dossiers.LargeTwoInstalments(beneficiaryName: "=1+1").State]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("Subventions", workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        var rows = workbook.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(FinanceRow.Headings, rows[0].Elements<Cell>().Select(c => c.InnerText));

        var seed = rows[1].Elements<Cell>().ToList();
        Assert.Equal(19, seed.Count);
        Assert.Equal("SUB-2022-0042", seed[0].InnerText);
        Assert.Equal(CellValues.Number, seed[9].DataType!.Value);
        Assert.Equal("9000", seed[9].CellValue!.Text);
        Assert.Equal("0.57", seed[13].CellValue!.Text);
        Assert.Equal(new DateOnly(2022, 6, 30), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(seed[14].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));

        var formula = rows[2].Elements<Cell>().ElementAt(1);
        Assert.Equal(CellValues.InlineString, formula.DataType!.Value);
        Assert.Null(formula.CellFormula);
        Assert.Equal("=1+1", formula.InnerText);
    }
}
