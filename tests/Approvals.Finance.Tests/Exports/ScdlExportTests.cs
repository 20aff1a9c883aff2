using System.Text;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

public sealed class ScdlExportTests
{
    /// <summary>The aid scheme set on the 2022 line "65-23-6574" in these tests (an illustrative identifier of the national schema of aid schemes).</summary>
    private const string AidScheme = "5f0c1d2e-0000-4000-8000-00000000a1de";

    private static (byte[] Bytes, List<List<string>> Rows) Write(IEnumerable<Dossier> dossiers, decimal threshold = 23_000m, Func<BudgetLineRef, string?>? aidScheme = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            ScdlExport.Write(writer, Dossiers.Authority, dossiers, aidScheme, threshold);
        }

        var bytes = stream.ToArray();
        return (bytes, Csv.Parse(new UTF8Encoding(false, true).GetString(bytes), ','));
    }

    private static string Column(List<string> row, string name) => row[ScdlExport.Columns.ToList().IndexOf(name)];

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
    public void GivenAGrantAbove23000PaidInTwoInstalments_WhenExported_ThenItsRowIsValidWithTheActualPaymentDatesAndTheWholeShare()
    {
        var (_, rows) = Write(
            [Dossiers.SeedPaid().State, Dossiers.LargeTwoInstalments().State],
            aidScheme: line => line is { Year: 2022, Code: "65-23-6574" } ? AidScheme : null);

        var row = Assert.Single(rows.Skip(1));
        Assert.Empty(ScdlSchema.Load().Faults(row));
        Assert.Equal(
        [
            "Grand Besançon Métropole", "24250036100017", "2022-06-28", SeedDossier.ActesId, "Association Technopole Microtechnique",
            Dossiers.LargeSiret, "W000000026", "Programme d'animation 2022 de la technopole : ateliers, salon, accompagnement des entreprises",
            "40000", "aide en numéraire", "échelonné", "2022-07-29/2022-11-30", "", "non", "1.00", AidScheme,
        ], row);
    }

    [Fact]
    public void GivenTheSeedGrantOf9000_WhenExported_ThenItIsBelowTheThresholdButValidWhenPublished()
    {
        var seed = Dossiers.SeedPaid().State;

        Assert.Single(Write([seed]).Rows);
        var row = Write([seed], threshold: 0m).Rows[1];

        Assert.Empty(ScdlSchema.Load().Faults(row));
        // Seed 004: one beneficiary, so 1.00 of the grant (not the grant's 57 % of the action's budget); paid on 29 July 2022;
        // no aid scheme on the line.
        Assert.Equal(["9000", "aide en numéraire", "unique", "2022-07-29", "", "non", "1.00", ""], row[8..16]);
    }

    [Fact]
    public void The_threshold_applies_to_a_beneficiarys_total_for_the_year()
    {
        var first = Voted(Dossiers.LargeTwoInstalments().State, 12_000m);
        var second = Voted(Dossiers.LargeTwoInstalments(sequence: 78).State, 11_000m);
        var otherYear = Voted(Dossiers.LargeTwoInstalments(sequence: 79, year: 2023).State, 12_000m);

        Assert.Single(Write([first, second]).Rows);
        Assert.Equal(3, Write([first, Voted(second, 11_000.01m), otherYear]).Rows.Count);
    }

    private static Dossier Voted(Dossier dossier, decimal amount) => dossier with { Vote = dossier.Vote! with { AmountVoted = amount } };

    [Fact]
    public void Only_grants_with_a_signed_convention_are_published()
    {
        var enforceable = SeedHistory.Of(SeedDossier.ThroughPayment.Take(4)).State;
        var signed = SeedHistory.Of(SeedDossier.ThroughPayment.Take(5)).State;

        Assert.Equal(DossierStage.Enforceable, enforceable.Stage);
        Assert.Single(Write([enforceable, Dossier.Empty], threshold: 0m).Rows);
        Assert.Equal(2, Write([enforceable, signed], threshold: 0m).Rows.Count);
    }

    [Fact]
    public void GivenTheSeedGrantSignedButNotPaid_WhenExported_ThenTheDatesAreThePlannedPeriodFromThePaymentTerms()
    {
        // "100 % à la signature" (seed 004, art. 3), requested within two months of the notification (art. 4). Signed by
        // both parties on 29 June 2022; before the notification, the window is counted from the signature:
        // 29 June + 2 months = 29 August 2022, a Monday (art. 641).
        Assert.Equal("2022-06-29/2022-08-29", Column(Write([SeedHistory.Through(5).State], threshold: 0m).Rows[1], "datesPeriodeVersement"));

        // Notified on 30 June 2022: the window closes on 30 August 2022, a Tuesday.
        Assert.Equal("2022-06-29/2022-08-30", Column(Write([SeedHistory.Through(6).State], threshold: 0m).Rows[1], "datesPeriodeVersement"));
        Assert.Equal("2022-06-29/2022-08-30", Column(Write([SeedHistory.Through(7).State], threshold: 0m).Rows[1], "datesPeriodeVersement"));

        // Paid in full on 29 July 2022: the actual date.
        Assert.Equal("2022-07-29", Column(Write([SeedHistory.Through(8).State], threshold: 0m).Rows[1], "datesPeriodeVersement"));
    }

    [Fact]
    public void GivenAGrantWithItsBalanceOnTheFinalReport_WhenOnlyTheAdvanceIsPaid_ThenThePeriodRunsFromTheAdvanceToTheReportsDueDay()
    {
        var events = Dossiers.LargeTwoInstalments().Events;
        var advancePaid = events.Take(events.Count - 2).Aggregate(Dossier.Empty, Workflow.Evolve);

        Assert.Equal(24_000m, advancePaid.AmountPaid);
        // No report date in the convention: the legal default, six months after the end of the 2022 financial year:
        // 31 December 2022 + 6 months = 30 June 2023 (art. 641: June has no 31st), a Friday.
        Assert.Equal("2022-07-29/2023-06-30", Column(Write([advancePaid]).Rows[1], "datesPeriodeVersement"));
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
}
