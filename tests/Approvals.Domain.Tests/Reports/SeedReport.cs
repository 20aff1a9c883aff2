namespace Approvals.Domain.Tests;

using static SeedDossier;

/// <summary>
/// A final report for seed 004: the provisional budget's figures (15 790 € of charges) as planned, a realisation
/// slightly different on each line, and a result for each of the convention's three indicators.
/// </summary>
internal static class SeedReport
{
    public static FinalReport Report => new(
        new FinancialReport(
            [
                new("64", 3_090m, 3_000m, "Salaires et charges"),
                new("60", 6_900m, 6_500m),
                new("61", 1_500m, 1_450m),
                new("62", 4_300m, 4_100m),
            ],
            [
                new("74", 5_790m, 5_790m, "Région Bourgogne Franche-Comté"),
                new("74", 9_000m, 9_000m, "Grand Besançon Métropole"),
                new("74", 1_000m, 260m, "Rectorat de l'académie de Besançon"),
            ],
            null,
            "Le rectorat a versé 260 € au lieu des 1 000 € prévus.",
            null),
        new ActivityReport("Trois actions menées avec les lycées du territoire.", Indicators.Select(i => new IndicatorResult(i, "Réalisé")).ToList()),
        "Jean MARTIN",
        true);

    public static Given ThroughPaymentRequest() => Given.Dossier(ThroughPayment.Take(7));
}
