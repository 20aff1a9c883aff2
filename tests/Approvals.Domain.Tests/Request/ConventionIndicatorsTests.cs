namespace Approvals.Domain.Tests;

using static SeedDossier;

/// <summary>The indicators the activity report must give (seed 004, art. 3 and annex 3), kept with the convention's terms.</summary>
public class ConventionIndicatorsTests
{
    [Fact]
    public void Given_the_seed_request_with_its_three_annex_indicators_When_checked_Then_accepted_and_kept_in_the_dossier()
    {
        Assert.Empty(RequestRules.Check(Request, ProcessPolicy.Default, At(2022, 5, 3)));

        var state = Given.SeedThrough(1).State;
        Assert.Equal(Indicators, state.Request!.Convention.Indicators);
    }

    [Fact]
    public void Given_a_blank_indicator_or_too_many_When_checked_Then_refused_naming_the_field()
    {
        var blank = Request with { Convention = Request.Convention with { Indicators = ["Effectifs", " "] } };
        var many = Request with { Convention = Request.Convention with { Indicators = Enumerable.Range(1, 21).Select(i => $"Indicateur {i}").ToList() } };

        Assert.Equal("convention.indicators[1]", Assert.Single(RequestRules.Check(blank, ProcessPolicy.Default, At(2022, 5, 3))).Field);
        Assert.Equal("convention.indicators", Assert.Single(RequestRules.Check(many, ProcessPolicy.Default, At(2022, 5, 3))).Field);
    }
}
