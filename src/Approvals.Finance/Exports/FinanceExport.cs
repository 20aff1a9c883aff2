using System.Globalization;
using Approvals.Domain;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approvals.Finance;

/// <summary>
/// The grants, commitments and payments for finance, one row per dossier (<see cref="FinanceRow"/>), as a CSV for
/// French Excel or an .xlsx workbook.
/// </summary>
public static class FinanceExport
{
    /// <summary>French Excel's list separator.</summary>
    public const char Separator = ';';

    /// <summary>
    /// CSV for French Excel: UTF-8 with a byte order mark (without it Excel reads the accents as Windows-1252),
    /// <c>;</c> separator, comma decimals without grouping ("9000,00"), dates dd/mm/yyyy, the rate in percent
    /// ("57,00"), CRLF records. The BOM is written here as U+FEFF: give a writer that adds no preamble of its own
    /// (<c>new StreamWriter(stream)</c> or <c>new UTF8Encoding(false)</c>).
    /// </summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<Dossier> dossiers)
    {
        writer.Write('\uFEFF');
        CsvCell.WriteRow(writer, FinanceRow.Headings.Select(h => CsvCell.Text(h, Separator)), Separator);
        foreach (var row in dossiers.Select(FinanceRow.Of))
        {
            CsvCell.WriteRow(writer,
            [
                CsvCell.Text(row.Number, Separator),
                CsvCell.Text(row.Beneficiary, Separator),
                CsvCell.Text(row.Siret, Separator),
                CsvCell.Text(row.Object, Separator),
                CsvCell.Number(row.BudgetYear?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Separator),
                CsvCell.Text(row.BudgetCode, Separator),
                CsvCell.Text(row.BudgetLabel, Separator),
                CsvCell.Text(row.Stage, Separator),
                Amount(row.Requested),
                Amount(row.Voted),
                Amount(row.Committed),
                Amount(row.Paid),
                Amount(row.Recovered),
                Amount(row.Rate * 100m),
                Date(row.NotifiedOn),
                Date(row.PaymentWindowLastDay),
                Date(row.ReportDue),
                Date(row.EndedOn),
                CsvCell.Text(row.Schedule, Separator),
            ], Separator);
        }

        static string Amount(decimal value) =>
            CsvCell.Number(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ','), Separator);

        static string Date(DateOnly? value) =>
            CsvCell.Number(value?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty, Separator);
    }

    /// <summary>
    /// An .xlsx workbook with one sheet "Subventions": amounts as numbers (# ##0,00), the rate as a percentage, dates
    /// as dates, text as inline strings (never formulas). The sheet's rows are streamed with an
    /// <see cref="OpenXmlWriter"/>; the package itself needs a seekable <paramref name="output"/>.
    /// </summary>
    public static void WriteXlsx(Stream output, IEnumerable<Dossier> dossiers)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var rowIndex = 1u;
            writer.WriteStartElement(new Row { RowIndex = rowIndex });
            foreach (var heading in FinanceRow.Headings)
            {
                writer.WriteElement(TextCell(heading, Style.Header));
            }

            writer.WriteEndElement();
            foreach (var row in dossiers.Select(FinanceRow.Of))
            {
                writer.WriteStartElement(new Row { RowIndex = ++rowIndex });
                writer.WriteElement(TextCell(row.Number));
                writer.WriteElement(TextCell(row.Beneficiary));
                writer.WriteElement(TextCell(row.Siret));
                writer.WriteElement(TextCell(row.Object));
                writer.WriteElement(row.BudgetYear is { } year ? NumberCell(year, Style.Default) : TextCell(null));
                writer.WriteElement(TextCell(row.BudgetCode));
                writer.WriteElement(TextCell(row.BudgetLabel));
                writer.WriteElement(TextCell(row.Stage));
                writer.WriteElement(NumberCell(row.Requested, Style.Amount));
                writer.WriteElement(NumberCell(row.Voted, Style.Amount));
                writer.WriteElement(NumberCell(row.Committed, Style.Amount));
                writer.WriteElement(NumberCell(row.Paid, Style.Amount));
                writer.WriteElement(NumberCell(row.Recovered, Style.Amount));
                writer.WriteElement(NumberCell(Math.Round(row.Rate, 4, MidpointRounding.AwayFromZero), Style.Percent));
                writer.WriteElement(DateCell(row.NotifiedOn));
                writer.WriteElement(DateCell(row.PaymentWindowLastDay));
                writer.WriteElement(DateCell(row.ReportDue));
                writer.WriteElement(DateCell(row.EndedOn));
                writer.WriteElement(TextCell(row.Schedule));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Subventions" }));
        workbook.Workbook.Save();
    }

    private enum Style : uint
    {
        Default = 0,
        Header = 1,
        Amount = 2,
        Percent = 3,
        Date = 4,
    }

    private static Cell TextCell(string? value, Style style = Style.Default) =>
        new(new InlineString(new Text(value ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString,
            StyleIndex = (uint)style,
        };

    private static Cell NumberCell(decimal value, Style style) =>
        new(new CellValue(value.ToString("0.############", CultureInfo.InvariantCulture))) { DataType = CellValues.Number, StyleIndex = (uint)style };

    private static Cell DateCell(DateOnly? value) =>
        value is { } date
            ? new Cell(new CellValue((date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture)))
            {
                DataType = CellValues.Number,
                StyleIndex = (uint)Style.Date,
            }
            : TextCell(null);

    /// <summary>Built-in number formats: 4 = #,##0.00, 10 = 0.00%, 14 = the locale's short date.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true })
        { Count = 5 });
}
