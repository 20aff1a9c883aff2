using Approvals.Domain;

namespace Approvals.Finance.Tests;

/// <summary>Every row the SCDL export writes, at every stage of every dossier the tests build, against the published schema 2.1.1.</summary>
public sealed class ScdlSchemaTests
{
    private static List<List<string>> Export(IEnumerable<Dossier> dossiers)
    {
        var text = new StringWriter();
        ScdlExport.Write(text, Dossiers.Authority, dossiers, line => line.Year == 2022 ? "65d5b6c7-102c-4440-ac3b-768f708edc0a" : null, threshold: 0m);
        return Csv.Parse(text.ToString(), ',');
    }

    /// <summary>The state after each command of a history: every stage a dossier goes through.</summary>
    private static IEnumerable<Dossier> EveryStage(SeedHistory history) =>
        Enumerable.Range(1, history.Events.Count).Select(n => history.Events.Take(n).Aggregate(Dossier.Empty, Workflow.Evolve));

    [Fact]
    public void GivenTheSchemaCopy_WhenLoaded_ThenItIsThePublishedVersion211WithItsRequiredFields()
    {
        var schema = ScdlSchema.Load();

        Assert.Equal("2.1.1", schema.Version);
        Assert.Equal(ScdlExport.Columns, schema.Fields.Select(f => f.Name));
        // The four fields issue 13 names, optional in the project's former copy, required in the published schema.
        Assert.All(new[] { "nature", "datesPeriodeVersement", "notificationUE", "pourcentageSubvention" },
            name => Assert.True(schema.Fields.Single(f => f.Name == name).Required, name));
    }

    [Fact]
    public void GivenEveryDossierAtEveryStage_WhenExported_ThenEveryRowSatisfiesEveryConstraintOfThePublishedSchema()
    {
        var report = SeedHistory.Through(8)
            .Apply(SeedDossier.Report(15_790m), SeedDossier.At(2023, 1, 21))
            .Apply(SeedDossier.Acceptance, SeedDossier.At(2023, 2, 11));
        var dossiers = EveryStage(report)
            .Concat(EveryStage(Dossiers.LargeTwoInstalments()))
            .Concat(EveryStage(Dossiers.LargeTwoInstalments(beneficiaryName: "@SUM(1+1)", sequence: 80, year: 2023)))
            .ToList();

        var rows = Export(dossiers).Skip(1).ToList();

        var schema = ScdlSchema.Load();
        Assert.True(rows.Count >= 10, $"only {rows.Count} rows exported");
        Assert.All(rows, row => Assert.Empty(schema.Faults(row)));
    }

    public static TheoryData<string, string, string> BrokenCells => new()
    {
        { "idAttribuant", "24250036100018", "french-siret-value" },
        { "idAttribuant", "2425003610001", "does not match" },
        { "dateConvention", "2022-02-30", "is not a date" },
        { "nomBeneficiaire", "", "required" },
        { "rnaBeneficiaire", "W12345678", "does not match" },
        { "objet", new string('a', 257), "more than 256" },
        { "montant", "9 000,00", "is not a number" },
        { "nature", "aide", "is not one of" },
        { "nature", "", "required" },
        { "conditionsVersement", "", "required" },
        { "datesPeriodeVersement", "", "required" },
        { "datesPeriodeVersement", "2022-06-29 / 2022-08-30", "does not match" },
        { "idRAE", "123456", "more than 5" },
        { "notificationUE", "false", "is not a boolean" },
        { "notificationUE", "", "required" },
        { "pourcentageSubvention", "", "required" },
        { "pourcentageSubvention", "1.5", "above the maximum" },
        { "pourcentageSubvention", "0", "below the minimum" },
        { "pourcentageSubvention", "57%", "is not a number" },
    };

    [Theory]
    [MemberData(nameof(BrokenCells))]
    public void GivenAValidRow_WhenOneCellBreaksAConstraint_ThenTheRowFailsNamingTheFieldAndTheRule(string field, string value, string rule)
    {
        var row = Export([SeedHistory.Through(8).State])[1];
        var schema = ScdlSchema.Load();
        Assert.Empty(schema.Faults(row));

        row[ScdlExport.Columns.ToList().IndexOf(field)] = value;

        var faults = schema.Faults(row);
        Assert.NotEmpty(faults);
        Assert.All(faults, f => Assert.StartsWith(field, f));
        Assert.Contains(faults, f => f.Contains(rule, StringComparison.Ordinal));
    }

    [Fact]
    public void GivenARowWithNeitherSiretNorRna_WhenChecked_ThenOneOfRequiredFails()
    {
        var row = Export([SeedHistory.Through(8).State])[1];
        row[ScdlExport.Columns.ToList().IndexOf("idBeneficiaire")] = "";
        row[ScdlExport.Columns.ToList().IndexOf("rnaBeneficiaire")] = "";

        Assert.Contains("one-of-required", Assert.Single(ScdlSchema.Load().Faults(row)));
    }

    [Theory]
    [InlineData("00000001800010", true)]
    [InlineData("00000001800011", false)]
    [InlineData("00000010000016", false)] // the SIRET passes Luhn, its SIREN does not
    [InlineData("35600000000083", true)]
    [InlineData("35600000000084", false)]
    public void GivenASiret_WhenChecked_ThenLuhnOnSiretAndSirenOrLaPostesRuleDecides(string siret, bool valid) =>
        Assert.Equal(valid, ScdlSchema.IsSiret(siret));
}
