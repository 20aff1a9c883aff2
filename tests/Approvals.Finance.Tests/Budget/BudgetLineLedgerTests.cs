using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

public sealed class BudgetLineLedgerTests
{
    private static readonly BudgetLineRecord Seed = new(2022, "65-23-6574", "Enseignement supérieur", 510_000m);

    [Fact]
    public void The_seed_dossier_commits_and_pays_9000_on_its_line()
    {
        var ledger = BudgetLineLedger.Of(Seed, [Dossiers.SeedPaid().State]);

        Assert.Equal(1, ledger.Dossiers);
        Assert.Equal(9_000m, ledger.Committed);
        Assert.Equal(9_000m, ledger.Paid);
        Assert.Equal(0m, ledger.Recovered);
        Assert.Equal(501_000m, ledger.Available);
    }

    [Fact]
    public void Dossiers_charged_to_another_line_or_year_are_not_counted()
    {
        var other = Dossiers.LargeTwoInstalments(year: 2023).State;
        var ledger = BudgetLineLedger.Of(Seed, [Dossiers.SeedPaid().State, other, Dossier.Empty]);

        Assert.Equal(1, ledger.Dossiers);
        Assert.Equal(9_000m, ledger.Committed);
    }

    [Fact]
    public void A_recovery_shows_as_recovered_and_releases_the_credits_not_used()
    {
        var history = Dossiers.SeedPaid()
            .Apply(SeedDossier.Report(10_000m), SeedDossier.At(2023, 1, 21))
            .Apply(new DossierCommand.OrderRecovery(new DateOnly(2023, 1, 25), RecoveryReason.CostsShortfall, null), SeedDossier.At(2023, 1, 26));
        var state = history.State;

        var ledger = BudgetLineLedger.Of(Seed, [state, Dossiers.LargeTwoInstalments().State]);

        // Entitled: 9 000 / 15 790 × 10 000 = 5 699.81 €; 3 300.19 € to repay.
        Assert.Equal(3_300.19m, state.AmountRecovered);
        Assert.Equal(2, ledger.Dossiers);
        Assert.Equal(49_000m, ledger.Paid);
        Assert.Equal(3_300.19m, ledger.Recovered);
        Assert.Equal(40_000m + 5_699.81m, ledger.Committed);
        Assert.Equal(510_000m - 45_699.81m, ledger.Available);
    }
}
