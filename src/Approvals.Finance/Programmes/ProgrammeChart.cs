using System.Globalization;
using System.Text;
using System.Xml;

namespace Approvals.Finance;

/// <summary>
/// The programme's account as an accessible SVG: grouped bars per year (voted, paid, still expected, all funders
/// together), each labelled in euros, with a legend, a title and a description that says the same in words. Written
/// with an <see cref="XmlWriter"/> so that every label is XML-escaped.
/// </summary>
public static class ProgrammeChart
{
    private const double BarWidth = 46;
    private const double BarGap = 6;
    private const double GroupGap = 40;
    private const double PlotHeight = 240;
    private const double Left = 20;
    private const double Top = 70;
    private const double Bottom = 50;

    private static readonly (string Key, string Label, string Colour, Func<ProgrammeAmounts, decimal> Value)[] Series =
    [
        ("voted", "Voté", "#1f4e79", a => a.Voted),
        ("paid", "Versé", "#2e7d32", a => a.Paid),
        ("expected", "Reste attendu", "#b26a00", a => a.StillExpected),
    ];

    public static string Svg(ProgrammeReport report)
    {
        var groupWidth = (Series.Length * BarWidth) + ((Series.Length - 1) * BarGap);
        var width = Math.Max(520, Left * 2 + (report.Years.Count * (groupWidth + GroupGap)));
        var height = Top + PlotHeight + Bottom;
        var max = report.Years.SelectMany(y => Series.Select(s => s.Value(y.Totals))).DefaultIfEmpty(0m).Max();
        var title = $"Programme « {report.Programme.Name} » : voté, versé et reste attendu par année";

        var text = new StringBuilder();
        using (var svg = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true }))
        {
            const string ns = "http://www.w3.org/2000/svg";
            svg.WriteStartElement("svg", ns);
            svg.WriteAttributeString("width", Number(width));
            svg.WriteAttributeString("height", Number(height));
            svg.WriteAttributeString("viewBox", $"0 0 {Number(width)} {Number(height)}");
            svg.WriteAttributeString("role", "img");
            svg.WriteAttributeString("aria-labelledby", "programme-chart-title programme-chart-desc");
            svg.WriteAttributeString("font-family", "DejaVu Sans, Arial, sans-serif");
            svg.WriteStartElement("title", ns);
            svg.WriteAttributeString("id", "programme-chart-title");
            svg.WriteString(title);
            svg.WriteEndElement();
            svg.WriteStartElement("desc", ns);
            svg.WriteAttributeString("id", "programme-chart-desc");
            svg.WriteString(Description(report));
            svg.WriteEndElement();

            Legend(svg, ns);
            var baseline = Top + PlotHeight;
            Line(svg, ns, Left, baseline, width - Left, baseline);
            for (var i = 0; i < report.Years.Count; i++)
            {
                var year = report.Years[i];
                var x0 = Left + (GroupGap / 2) + (i * (groupWidth + GroupGap));
                svg.WriteStartElement("g", ns);
                svg.WriteAttributeString("class", "year");
                svg.WriteAttributeString("data-year", year.Year.ToString(CultureInfo.InvariantCulture));
                for (var s = 0; s < Series.Length; s++)
                {
                    var (key, label, colour, value) = Series[s];
                    var amount = value(year.Totals);
                    var barHeight = max == 0m ? 0 : (double)(amount / max) * PlotHeight;
                    var x = x0 + (s * (BarWidth + BarGap));
                    svg.WriteStartElement("rect", ns);
                    svg.WriteAttributeString("class", $"bar {key}");
                    svg.WriteAttributeString("x", Number(x));
                    svg.WriteAttributeString("y", Number(baseline - barHeight));
                    svg.WriteAttributeString("width", Number(BarWidth));
                    svg.WriteAttributeString("height", Number(barHeight));
                    svg.WriteAttributeString("fill", colour);
                    svg.WriteElementString("title", ns, $"{year.Year} — {label} : {FrenchText.Euros(amount)}");
                    svg.WriteEndElement();
                    Text(svg, ns, x + (BarWidth / 2), baseline - barHeight - 4, FrenchText.Euros(amount), "9", "middle");
                }

                Text(svg, ns, x0 + (groupWidth / 2), baseline + 18, year.Year.ToString(CultureInfo.InvariantCulture), "13", "middle");
                if (year.Phase is not null)
                {
                    Text(svg, ns, x0 + (groupWidth / 2), baseline + 34, Shorten(year.Phase, 28), "9", "middle");
                }

                svg.WriteEndElement();
            }

            svg.WriteEndElement();
        }

        return text.ToString();
    }

    private static string Description(ProgrammeReport report)
    {
        var years = report.Years.Select(y =>
            $"{y.Year} : voté {FrenchText.Euros(y.Totals.Voted)}, versé {FrenchText.Euros(y.Totals.Paid)}, reste attendu {FrenchText.Euros(y.Totals.StillExpected)}");
        return $"Budget total {FrenchText.Euros(report.Programme.TotalBudget)}. {string.Join(" ; ", years)}. "
            + $"Total : voté {FrenchText.Euros(report.Totals.Voted)}, versé {FrenchText.Euros(report.Totals.Paid)}, reste attendu {FrenchText.Euros(report.Totals.StillExpected)}. "
            + "Les montants des autres financeurs sont prévisionnels.";
    }

    private static void Legend(XmlWriter svg, string ns)
    {
        svg.WriteStartElement("g", ns);
        svg.WriteAttributeString("class", "legend");
        for (var s = 0; s < Series.Length; s++)
        {
            var x = Left + (s * 150);
            svg.WriteStartElement("rect", ns);
            svg.WriteAttributeString("x", Number(x));
            svg.WriteAttributeString("y", "14");
            svg.WriteAttributeString("width", "14");
            svg.WriteAttributeString("height", "14");
            svg.WriteAttributeString("fill", Series[s].Colour);
            svg.WriteEndElement();
            Text(svg, ns, x + 20, 26, Series[s].Label, "12", "start");
        }

        svg.WriteEndElement();
    }

    private static void Text(XmlWriter svg, string ns, double x, double y, string content, string size, string anchor)
    {
        svg.WriteStartElement("text", ns);
        svg.WriteAttributeString("x", Number(x));
        svg.WriteAttributeString("y", Number(y));
        svg.WriteAttributeString("font-size", size);
        svg.WriteAttributeString("text-anchor", anchor);
        svg.WriteString(content);
        svg.WriteEndElement();
    }

    private static void Line(XmlWriter svg, string ns, double x1, double y1, double x2, double y2)
    {
        svg.WriteStartElement("line", ns);
        svg.WriteAttributeString("x1", Number(x1));
        svg.WriteAttributeString("y1", Number(y1));
        svg.WriteAttributeString("x2", Number(x2));
        svg.WriteAttributeString("y2", Number(y2));
        svg.WriteAttributeString("stroke", "#333");
        svg.WriteEndElement();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
