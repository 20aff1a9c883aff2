using System.Globalization;
using System.Xml.Linq;
using Approvals.Application;

namespace Approvals.Finance.Tests;

public sealed class ProgrammeChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static ProgrammeReport Report(Programme programme) => ProgrammeReport.Build(programme,
    [
        SeedProgramme.Tranche(2021, 1, 9_000m, 6_000m, 4_000m, paid: true).State,
        SeedProgramme.Tranche(2023, 3, 12_000m, 8_000m, 6_000m, paid: false).State,
    ]);

    [Fact]
    public void The_chart_is_an_accessible_svg_with_three_bars_per_year()
    {
        var svg = XDocument.Parse(ProgrammeChart.Svg(Report(SeedProgramme.Programme)));

        var root = svg.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Contains("Antenne du Cnam", root.Element(Svg + "title")!.Value);
        Assert.Contains(Normalise(SeedProgramme.Programme.TotalBudget.ToString("#,0 €", French)), Normalise(root.Element(Svg + "desc")!.Value));

        var years = root.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "year").ToList();
        Assert.Equal(["2021", "2022", "2023", "2024"], years.Select(g => (string?)g.Attribute("data-year")));
        foreach (var year in years)
        {
            Assert.Equal(["bar voted", "bar paid", "bar expected"], year.Elements(Svg + "rect").Select(r => (string?)r.Attribute("class")));
        }

        var y2021 = years[0].Descendants(Svg + "text").Select(t => Normalise(t.Value)).ToList();
        // 2021: ours 9 000 € voted and paid, 6 000 € + 4 000 € provisional from the other funders.
        Assert.Equal(["19 000 €", "9 000 €", "10 000 €", "2021"], y2021[..4]);
        // The seed's phase label, shortened to fit under its years.
        Assert.EndsWith("…", y2021[4]);
        Assert.StartsWith(y2021[4].TrimEnd('…').TrimEnd(), SeedProgramme.Programme.Phases[0].Label);

        // The highest value (2023: 26 000 € voted) fills the plot's 240 units; the others are in proportion.
        var heights = years.SelectMany(g => g.Elements(Svg + "rect")).Select(r => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(240.0, heights.Max());
        Assert.Equal(240.0 * 9 / 26, heights[1], 0.1);
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "Reste attendu");
    }

    [Fact]
    public void Labels_are_escaped()
    {
        var hostile = SeedProgramme.Programme with { Name = "<script>alert('x')</script> & Cie" };

        var text = ProgrammeChart.Svg(Report(hostile));

        Assert.DoesNotContain("<script>", text);
        Assert.Contains("&lt;script&gt;", text);
        Assert.Contains("<script>alert('x')</script> & Cie", XDocument.Parse(text).Root!.Element(Svg + "title")!.Value);
    }

    private static string Normalise(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
