using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Application.Tests.Portal;

/// <summary>The acknowledgment's mentions (CRPA art. R112-11-1) and the day a portal request is deemed rejected (L231-4, 3°).</summary>
public sealed class AcknowledgmentTests
{
    [Theory]
    [InlineData("2022-05-03", "2022-07-03")]
    [InlineData("2022-12-31", "2023-02-28")]
    [InlineData("2023-12-31", "2024-02-29")]
    public void GivenARequestReceivedOnADay_WhenTheSilenceRuns_ThenItIsDeemedRejectedTwoMonthsLater(string received, string rejected) =>
        Assert.Equal(DateOnly.Parse(rejected), Acknowledgment.ImplicitRejectionDay(DateOnly.Parse(received)));

    [Fact]
    public void GivenACompleteRequest_WhenAcknowledged_ThenItNamesTheDateTheServiceTheDeemedRejectionAndTheRemedies()
    {
        var parts = Acknowledgment.Parts(Received(new DateTimeOffset(2022, 12, 31, 22, 30, 0, TimeSpan.Zero)), "Grand Besançon Métropole", PortalService.Example, []);
        var text = string.Join("\n", parts.SelectMany(p => p.Paragraphs.Prepend(p.Heading)));

        // 23:30 in Paris on 31 December: received that day, deemed rejected on 28 February.
        Assert.Contains("samedi 31 décembre 2022 à 23h30", text);
        Assert.Contains("mardi 28 février 2023", text);
        Assert.Contains("auprès de Grand Besançon Métropole", text);
        Assert.Contains(PortalService.Example.Phone, text);
        Assert.Contains(PortalService.Example.PostalAddress, text);
        Assert.Contains("R421-1", text);
        Assert.DoesNotContain("Pièces manquantes", text);
    }

    [Fact]
    public void GivenRequestWithoutItsDocuments_WhenAcknowledged_ThenItListsThemAndTheSilenceRunsFromTheirReceipt()
    {
        var parts = Acknowledgment.Parts(Received(new DateTimeOffset(2022, 5, 3, 8, 0, 0, TimeSpan.Zero)), "Grand Besançon Métropole", PortalService.Example, [DocumentKind.BankDetails]);

        var missing = Assert.Single(parts, p => p.Heading == "Pièces manquantes");
        Assert.Contains("le relevé d'identité bancaire (RIB)", missing.Paragraphs[0]);
        Assert.DoesNotContain(parts.SelectMany(p => p.Paragraphs), p => p.Contains("réputée rejetée le", StringComparison.Ordinal));
        Assert.Contains(parts.SelectMany(p => p.Paragraphs), p => p.Contains("L114-5", StringComparison.Ordinal));
    }

    private static Dossier Received(DateTimeOffset at)
    {
        var day = FrenchCalendar.ParisDate(at);
        var request = new GrantRequest(
            day,
            new Beneficiary("CMQ MSI", "00000001800010", "W000000018", "Marie Durand", "presidence@cmq-msi.example.fr", BeneficiaryKind.Association),
            "Programme d'actions",
            day.AddMonths(4),
            day.AddMonths(12),
            new ProvisionalBudget([new ExpenseLine("Achats", 9_000m)], [new RevenueLine("Collectivité", 9_000m, true)]),
            9_000m,
            new BudgetLineRef(day.Year, "65-025-6574", "Subventions"),
            [new Instalment("Versement unique", 100m, InstalmentTrigger.AtSignature)],
            ConventionTerms.Default,
            "instruction@collectivite.example.fr",
            null);
        return Dossier.Empty with { Number = DossierNumber.TryParse($"SUB-{day.Year}-0001", out var number) ? number : null, Request = request, SubmittedAt = at, Stage = DossierStage.Submitted };
    }
}
