using System.Reflection;
using SkiaSharp;

namespace Approvals.Finance;

/// <summary>
/// The convention as a PDF (A4, 2 cm margins, wrapped and justified-left text, page breaks that keep a heading with
/// its text, "Page n / N" footers), drawn with SkiaSharp in DejaVu Sans, a freely licensed font shipped inside this
/// assembly (Fonts/LICENSE-DejaVu.txt) so that every host renders the same document.
/// </summary>
public static class ConventionPdf
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Margin = 56.7f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float ContentBottom = PageHeight - Margin - 14f;
    private const float BodySize = 10.5f;

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public static void Write(Stream output, ConventionModel model) => Render(output, Layout(model), model.Title, model.Subtitle);

    /// <summary>A letter in the same layout: a title, a subtitle and blocks, without signatures or annex (the portal's acknowledgment of receipt).</summary>
    public static void WriteLetter(Stream output, string title, string subtitle, IReadOnlyList<ConventionBlock> body) =>
        Render(output, Body(title, subtitle, body).Pages, title, subtitle);

    private static void Render(Stream output, List<List<DrawOp>> pages, string title, string subtitle)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = title;
        metadata.Subject = subtitle;
        metadata.Creator = "Approvals";
        metadata.Producer = "Approvals (SkiaSharp)";
        using var document = SKDocument.CreatePdf(output, metadata);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true, StrokeWidth = 0.6f };
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            foreach (var op in pages[i])
            {
                op.Draw(canvas, paint);
            }

            new TextOp($"Page {i + 1} / {pages.Count}", PageWidth / 2, PageHeight - (Margin / 2), false, 8.5f, SKTextAlign.Center).Draw(canvas, paint);
            document.EndPage();
        }

        document.Close();
    }

    private static SKTypeface Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Approvals.Finance.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} could not be read.");
    }

    private static List<List<DrawOp>> Layout(ConventionModel model)
    {
        var page = Body(model.Title, model.Subtitle, model.Body);
        page.Space(8f);
        page.Text(model.SignaturePlace, BodySize, bold: false, after: 12f);
        page.Signatures(model.Signatories);
        page.NewPage();
        page.Text(model.AnnexTitle, 12f, bold: true, after: 10f);
        page.Text("Dépenses prévisionnelles (en € TTC)", BodySize, bold: true, after: 4f);
        page.Table("Types de dépenses", model.Budget.Expenses, model.Budget.TotalExpenses);
        page.Space(12f);
        page.Text("Recettes prévisionnelles (en € TTC)", BodySize, bold: true, after: 4f);
        page.Table("Financeurs", model.Budget.Revenues, model.Budget.TotalRevenues);
        return page.Pages;
    }

    private static PageLayout Body(string title, string subtitle, IReadOnlyList<ConventionBlock> body)
    {
        var page = new PageLayout();
        page.Text(title, 16f, bold: true, center: true, after: 6f);
        page.Text(subtitle, 10f, bold: false, center: true, after: 16f);
        foreach (var block in body)
        {
            switch (block.Kind)
            {
                case ConventionBlockKind.Heading:
                    page.KeepSpace(BodySize * 6);
                    page.Space(6f);
                    page.Text(block.Text, 12f, bold: true, after: 4f);
                    break;
                case ConventionBlockKind.Bullet:
                    page.Text(block.Text, BodySize, bold: false, indent: 18f, bullet: true, after: 3f);
                    break;
                default:
                    page.Text(block.Text, BodySize, bold: false, after: 6f);
                    break;
            }
        }

        return page;
    }

    private static SKFont Font(bool bold, float size) => new(bold ? Bold.Value : Regular.Value, size);

    /// <summary>Splits text into lines no wider than <paramref name="width"/>, breaking inside a word only when it alone is too wide.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (font.MeasureText(candidate) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (font.MeasureText(line) > width && line.Length > 1)
            {
                var cut = line.Length - 1;
                while (cut > 1 && font.MeasureText(line[..cut]) > width)
                {
                    cut--;
                }

                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        lines.Add(line);
        return lines;
    }

    private abstract record DrawOp
    {
        public abstract void Draw(SKCanvas canvas, SKPaint paint);
    }

    private sealed record TextOp(string Text, float X, float Y, bool Bold, float Size, SKTextAlign Align) : DrawOp
    {
        public override void Draw(SKCanvas canvas, SKPaint paint)
        {
            using var font = Font(Bold, Size);
            canvas.DrawText(Text, X, Y, Align, font, paint);
        }
    }

    private sealed record LineOp(float X1, float Y1, float X2, float Y2) : DrawOp
    {
        public override void Draw(SKCanvas canvas, SKPaint paint) => canvas.DrawLine(X1, Y1, X2, Y2, paint);
    }

    /// <summary>A cursor down the pages: adds draw operations and starts a new page when the next item does not fit.</summary>
    private sealed class PageLayout
    {
        private float y = Margin;

        public PageLayout() => Pages.Add([]);

        public List<List<DrawOp>> Pages { get; } = [];

        private List<DrawOp> Current => Pages[^1];

        public void NewPage()
        {
            Pages.Add([]);
            y = Margin;
        }

        public void Space(float height) => y += height;

        /// <summary>Starts a new page unless <paramref name="height"/> still fits: keeps a heading with the first lines of its text.</summary>
        public void KeepSpace(float height)
        {
            if (y + height > ContentBottom)
            {
                NewPage();
            }
        }

        public void Text(string text, float size, bool bold, float indent = 0f, bool center = false, bool bullet = false, float after = 0f)
        {
            using var font = Font(bold, size);
            var leading = size * 1.35f;
            var lines = Wrap(text, font, ContentWidth - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                KeepSpace(leading);
                y += leading;
                var baseline = y - (leading - size) / 2;
                if (bullet && i == 0)
                {
                    Current.Add(new TextOp("–", Margin + indent - 10f, baseline, bold, size, SKTextAlign.Left));
                }

                Current.Add(center
                    ? new TextOp(lines[i], PageWidth / 2, baseline, bold, size, SKTextAlign.Center)
                    : new TextOp(lines[i], Margin + indent, baseline, bold, size, SKTextAlign.Left));
            }

            y += after;
        }

        public void Signatures(IReadOnlyList<ConventionSignatory> signatories)
        {
            KeepSpace(110f);
            var column = ContentWidth / Math.Max(1, signatories.Count);
            var top = y;
            var bottom = y;
            for (var i = 0; i < signatories.Count; i++)
            {
                var s = signatories[i];
                var x = Margin + (i * column);
                var line = top;
                using var bold = Font(true, BodySize);
                foreach (var text in Wrap($"Pour {s.Party}", bold, column - 12f))
                {
                    line += BodySize * 1.35f;
                    Current.Add(new TextOp(text, x, line, true, BodySize, SKTextAlign.Left));
                }

                line += BodySize * 1.35f;
                Current.Add(new TextOp(s.Capacity, x, line, false, BodySize, SKTextAlign.Left));
                line += BodySize * 1.35f;
                Current.Add(new TextOp(s.Name, x, line, false, BodySize, SKTextAlign.Left));
                bottom = Math.Max(bottom, line + 60f);
            }

            y = bottom;
        }

        public void Table(string heading, IReadOnlyList<ConventionBudgetRow> rows, decimal total)
        {
            var amountWidth = 110f;
            var labelWidth = ContentWidth - amountWidth;
            var all = new List<(string Label, string Amount, bool Bold)> { (heading, "Montant", true) };
            all.AddRange(rows.Select(r => (r.Label, FrenchText.Euros(r.Amount), false)));
            all.Add(("TOTAL", FrenchText.Euros(total), true));
            foreach (var (label, amount, bold) in all)
            {
                using var font = Font(bold, BodySize);
                var lines = Wrap(label, font, labelWidth - 12f);
                var height = (lines.Count * BodySize * 1.35f) + 8f;
                if (y + height > ContentBottom)
                {
                    NewPage();
                }

                var top = y;
                Current.Add(new LineOp(Margin, top, Margin + ContentWidth, top));
                var baseline = top + 4f;
                foreach (var line in lines)
                {
                    baseline += BodySize * 1.35f;
                    Current.Add(new TextOp(line, Margin + 6f, baseline - 3f, bold, BodySize, SKTextAlign.Left));
                }

                Current.Add(new TextOp(amount, Margin + ContentWidth - 6f, top + 4f + (BodySize * 1.35f) - 3f, bold, BodySize, SKTextAlign.Right));
                y = top + height;
                Current.Add(new LineOp(Margin, y, Margin + ContentWidth, y));
                Current.Add(new LineOp(Margin, top, Margin, y));
                Current.Add(new LineOp(Margin + labelWidth, top, Margin + labelWidth, y));
                Current.Add(new LineOp(Margin + ContentWidth, top, Margin + ContentWidth, y));
            }
        }
    }
}
