using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Approvals.Finance;

/// <summary>
/// The convention as an editable Word document: real heading styles (so that Word's outline and navigation work),
/// paragraphs, indented list items, the signature block and the budget tables. The package needs a seekable stream.
/// </summary>
public static class ConventionDocx
{
    private const string Font = "DejaVu Sans";

    /// <summary>A4 width less the two 2 cm margins, in twentieths of a point.</summary>
    private const int ContentWidth = 9638;

    public static void Write(Stream output, ConventionModel model)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        var body = new Body();
        body.Append(Paragraph(model.Title, "Title"));
        body.Append(Paragraph(model.Subtitle, "Subtitle"));
        foreach (var block in model.Body)
        {
            body.Append(block.Kind switch
            {
                ConventionBlockKind.Heading => Paragraph(block.Text, "Heading1"),
                ConventionBlockKind.Bullet => Paragraph("– " + block.Text, "ListParagraph"),
                _ => Paragraph(block.Text, null),
            });
        }

        body.Append(Paragraph(model.SignaturePlace, null));
        body.Append(Signatures(model.Signatories));
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        body.Append(Paragraph(model.AnnexTitle, "Heading1"));
        body.Append(Paragraph("Dépenses prévisionnelles (en € TTC)", "Heading2"));
        body.Append(BudgetTable("Types de dépenses", model.Budget.Expenses, model.Budget.TotalExpenses));
        body.Append(Paragraph("Recettes prévisionnelles (en € TTC)", "Heading2"));
        body.Append(BudgetTable("Financeurs", model.Budget.Revenues, model.Budget.TotalRevenues));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, string? style, bool bold = false, JustificationValues? align = null)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (align is { } justification)
        {
            properties.Append(new Justification { Val = justification });
        }

        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new Paragraph(properties, run);
    }

    private static Table Signatures(IReadOnlyList<ConventionSignatory> signatories)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
            new TableGrid(signatories.Select(_ => new GridColumn { Width = (ContentWidth / Math.Max(1, signatories.Count)).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var row = new TableRow();
        foreach (var s in signatories)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = "2500", Type = TableWidthUnitValues.Pct }),
                Paragraph($"Pour {s.Party}", null, bold: true),
                Paragraph(s.Capacity, null),
                Paragraph(s.Name, null),
                Paragraph(string.Empty, null)));
        }

        table.Append(row);
        return table;
    }

    private static Table BudgetTable(string heading, IReadOnlyList<ConventionBudgetRow> rows, decimal total)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border),
            new TableGrid(new GridColumn { Width = "7228" }, new GridColumn { Width = "2410" }));
        table.Append(Row(heading, "Montant", bold: true));
        foreach (var r in rows)
        {
            table.Append(Row(r.Label, FrenchText.Euros(r.Amount), bold: false));
        }

        table.Append(Row("TOTAL", FrenchText.Euros(total), bold: true));
        return table;
    }

    private static TableRow Row(string label, string amount, bool bold) => new(
        new TableCell(new TableCellProperties(new TableCellWidth { Width = "3750", Type = TableWidthUnitValues.Pct }), Paragraph(label, null, bold)),
        new TableCell(new TableCellProperties(new TableCellWidth { Width = "1250", Type = TableWidthUnitValues.Pct }), Paragraph(amount, null, bold, JustificationValues.Right)));

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
                new FontSize { Val = "21" },
                new Languages { Val = "fr-FR" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Both }))));
        styles.Append(
            Style("Normal", "Normal", null, null, isDefault: true),
            Style("Title", "Title", "36", "0", center: true),
            Style("Subtitle", "Subtitle", "22", null, center: true, bold: false),
            Style("Heading1", "heading 1", "26", "0"),
            Style("Heading2", "heading 2", "22", "1"),
            Style("ListParagraph", "List Paragraph", null, null, indent: true, bold: false));
        return styles;
    }

    private static Style Style(string id, string name, string? size, string? outline, bool isDefault = false, bool center = false, bool bold = true, bool indent = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" }, new PrimaryStyle());
        }

        // Children in the schema's order: keepNext, spacing, ind, jc, outlineLvl.
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        }

        if (indent)
        {
            paragraph.Append(new Indentation { Left = "567", Hanging = "283" });
        }

        if (center)
        {
            paragraph.Append(new Justification { Val = JustificationValues.Center });
        }

        if (outline is not null)
        {
            paragraph.Append(new OutlineLevel { Val = int.Parse(outline, System.Globalization.CultureInfo.InvariantCulture) });
        }

        style.Append(paragraph);
        if (size is not null || (bold && !isDefault))
        {
            var run = new StyleRunProperties();
            if (bold && !isDefault)
            {
                run.Append(new Bold());
            }

            if (size is not null)
            {
                run.Append(new FontSize { Val = size });
            }

            style.Append(run);
        }

        return style;
    }
}
