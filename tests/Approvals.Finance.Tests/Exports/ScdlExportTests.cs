using System.Text;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

public sealed class ScdlExportTests
{
    private static (byte[] Bytes, List<List<string>> Rows) Write(IEnumerable<Dossier> dossiers, decimal threshold = 23_000m)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            ScdlExport.Write(writer, Dossiers.Authority, dossiers, threshold);
        }

        var bytes = stream.ToArray();
        return (bytes, Csv.Parse(new UTF8Encoding(false, true).GetString(bytes), ','));
    }

    [Fact]
    public void The_header_is_the_schemas_columns_in_order_in_utf8_without_bom()
    {
        var (bytes, rows) = Write([]);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(ScdlSchema.Load().Fields.Select(f => f.Name), Assert.Single(rows));
        Assert.Equal("nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,"
            + "conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_grant_above_23000_is_published_with_every_field_valid()
    {
        var (_, rows) = Write([Dossiers.SeedPaid().State, Dossiers.LargeTwoInstalments().State]);

        var row = Assert.Single(rows.Skip(1));
        Assert.Empty(ScdlSchema.Load().Faults(row));
        Assert.Equal(
        [
            "Grand Besançon Métropole", "24250036100017", "2022-06-28", SeedDossier.ActesId, "Association Technopole Microtechnique",
            Dossiers.LargeSiret, "W251009876", "Programme d'animation 2022 de la technopole : ateliers, salon, accompagnement des entreprises",
            "40000", "aide en numéraire", "échelonné", "2022-07-29/2022-11-30", "", "non", "0.57", "Enseignement supérieur",
        ], row);
    }

    [Fact]
    public void The_seed_grant_of_9000_is_below_the_threshold_but_valid_when_published()
    {
        var seed = Dossiers.SeedPaid().State;

        Assert.Single(Write([seed]).Rows);
        var row = Write([seed], threshold: 0m).Rows[1];

        Assert.Empty(ScdlSchema.Load().Faults(row));
        Assert.Equal(["9000", "aide en numéraire", "unique", "2022-07-29", "", "non", "0.57"], row[8..15]);
    }

    [Fact]
    public void The_threshold_applies_to_a_beneficiarys_total_for_the_year()
    {
        var first = Dossiers.LargeTwoInstalments().State with { AmountVoted = 12_000m };
        var second = Dossiers.LargeTwoInstalments(sequence: 78).State with { AmountVoted = 11_000m };
        var otherYear = Dossiers.LargeTwoInstalments(sequence: 79, year: 2023).State with { AmountVoted = 12_000m };

        Assert.Single(Write([first, second]).Rows);
        Assert.Equal(3, Write([first, second with { AmountVoted = 11_000.01m }, otherYear]).Rows.Count);
    }

    [Fact]
    public void Only_grants_with_a_signed_convention_are_published()
    {
        var enforceable = SeedHistory.Of(SeedDossier.ThroughPayment.Take(4)).State;
        var signed = SeedHistory.Of(SeedDossier.ThroughPayment.Take(5)).State;

        Assert.Equal(DossierStage.Enforceable, enforceable.Stage);
        Assert.Single(Write([enforceable, Dossier.Empty], threshold: 0m).Rows);
        Assert.Equal(2, Write([enforceable, signed], threshold: 0m).Rows.Count);
        Assert.Equal("", Write([signed], threshold: 0m).Rows[1][11]);
    }

    [Fact]
    public void A_long_object_is_cut_to_256_characters_and_hostile_text_neutralised()
    {
        var large = Dossiers.LargeTwoInstalments(beneficiaryName: "=HYPERLINK(\"http://x\")").State;
        var request = large.Request! with { Object = "-" + string.Concat(Enumerable.Repeat("Actions, \"ateliers\"\net salons ", 20)) };
        var (_, rows) = Write([large with { Request = request }]);

        var row = rows[1];
        Assert.Empty(ScdlSchema.Load().Faults(row));
        Assert.Equal("'=HYPERLINK(\"http://x\")", row[4]);
        Assert.Equal(256, row[7].Length);
        Assert.EndsWith("…", row[7]);
        Assert.StartsWith("'-Actions, \"ateliers\" et salons", row[7]);
    }

    [Theory]
    [InlineData(0.5700, "0.57")]
    [InlineData(0.001, "0.01")]
    [InlineData(1, "1.00")]
    [InlineData(0.995, "1.00")]
    public void The_percentage_stays_within_the_schemas_range(decimal rate, string expected) =>
        Assert.Equal(expected, ScdlExport.Percentage(rate));
}
