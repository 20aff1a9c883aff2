using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

public sealed class ProgrammeReportTests
{
    private static IReadOnlyList<Dossier> Tranches =>
    [
        SeedProgramme.Tranche(2021, 1, 90_000m, 60_000m, 40_000m, paid: true).State,
        SeedProgramme.Tranche(2022, 2, 100_000m, 70_000m, 50_000m, paid: true).State,
        SeedProgramme.Tranche(2023, 3, 120_000m, 80_000m, 60_000m, paid: false).State,
    ];

    [Fact]
    public void Every_year_of_every_phase_is_listed_with_its_phase()
    {
        var report = ProgrammeReport.Build(SeedProgramme.Programme, Tranches);

        Assert.Equal([2021, 2022, 2023, 2024], report.Years.Select(y => y.Year));
        Assert.Equal(SeedProgramme.Programme.Phases[0].Label, report.Years[1].Phase);
        Assert.Equal(SeedProgramme.Programme.Phases[1].Label, report.Years[3].Phase);
        Assert.Empty(report.Years[3].Funders);
        Assert.Equal(ProgrammeAmounts.Zero, report.Years[3].Totals);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Our_tranches_count_voted_paid_and_still_expected()
    {
        var report = ProgrammeReport.Build(SeedProgramme.Programme, Tranches);

        var ours2022 = Assert.Single(report.Years[1].Funders, f => f.ThisAuthority);
        Assert.Equal(new ProgrammeAmounts(100_000m, 100_000m, 0m), ours2022.Amounts);
        var ours2023 = Assert.Single(report.Years[2].Funders, f => f.ThisAuthority);
        Assert.Equal(new ProgrammeAmounts(120_000m, 0m, 120_000m), ours2023.Amounts);
        Assert.False(ours2023.Provisional);
    }

    [Fact]
    public void Other_funders_are_provisional_and_all_still_expected()
    {
        var report = ProgrammeReport.Build(SeedProgramme.Programme, Tranches);

        var cnam = Assert.Single(report.Funders, f => f.Funder == SeedProgramme.Cnam);
        Assert.True(cnam.Provisional);
        Assert.Equal(new ProgrammeAmounts(210_000m, 0m, 210_000m), cnam.Amounts);
        Assert.Equal(SeedProgramme.Pma, report.Funders[0].Funder);
        Assert.Equal(new ProgrammeAmounts(310_000m, 190_000m, 120_000m), report.Funders[0].Amounts);
        Assert.Equal(new ProgrammeAmounts(670_000m, 190_000m, 480_000m), report.Totals);
        Assert.Equal(report.Totals, ProgrammeAmounts.Sum(report.Years.Select(y => y.Totals)));
    }

    [Fact]
    public void A_lapsed_or_recovered_tranche_expects_nothing_more()
    {
        var recovered = SeedProgramme.Tranche(2022, 2, 100_000m, 70_000m, 50_000m, paid: true)
            .Apply(new DossierCommand.ReceiveReport(new DateOnly(2023, 1, 10), 110_000m), SeedDossier.At(2023, 1, 11))
            .Apply(new DossierCommand.OrderRecovery(new DateOnly(2023, 1, 12), RecoveryReason.CostsShortfall, null), SeedDossier.At(2023, 1, 13))
            .State;

        var report = ProgrammeReport.Build(SeedProgramme.Programme, [recovered]);

        var ours = Assert.Single(report.Years[1].Funders, f => f.ThisAuthority).Amounts;
        Assert.Equal(100_000m, ours.Paid);
        Assert.Equal(0m, ours.StillExpected);
        Assert.True(recovered.AmountRecovered > 0m);
    }

    [Fact]
    public void Tranches_outside_the_phases_or_of_another_programme_are_reported()
    {
        var tranches = new[]
        {
            SeedProgramme.Tranche(2025, 4, 10_000m, 1_000m, 1_000m, paid: false).State,
            SeedProgramme.Tranche(2022, 5, 10_000m, 1_000m, 1_000m, paid: false, programmeId: "autre").State,
        };

        var report = ProgrammeReport.Build(SeedProgramme.Programme, tranches);

        Assert.Equal(["programme.year-outside-phases", "programme.other"], report.Issues.Select(i => i.Code));
        Assert.Contains("2025", report.Issues[0].Message);
        Assert.Contains(report.Years, y => y.Year == 2025 && y.Phase is null);
    }

    [Fact]
    public void Funders_absent_from_the_programme_and_phases_above_the_total_are_reported()
    {
        var programme = SeedProgramme.Programme with
        {
            Funders = [SeedProgramme.Pma, SeedProgramme.Cnam],
            Phases = [new ProgrammePhase("A", 2021, 2022, 500_000m), new ProgrammePhase("B", 2023, 2024, 300_000m)],
        };

        var report = ProgrammeReport.Build(programme, Tranches);

        Assert.Equal(["programme.unknown-funder", "programme.phases-above-total"], report.Issues.Select(i => i.Code));
        Assert.Contains(SeedProgramme.BanqueDesTerritoires, report.Issues[0].Message);
    }
}
