namespace Approvals.Domain.Tests;

using static DossierCommand;
using static SeedDossier;

/// <summary>Items 15–16 of issue 13: the contrat d'engagement républicain, the 23 000 € threshold per beneficiary and year.</summary>
public class RequestLawTests
{
    private static readonly GrantRequest WithoutCommitment = Request with { RepublicanCommitment = null };

    [Fact]
    public void Given_an_association_request_of_May_2022_without_its_republican_commitment_When_voted_Then_refused()
    {
        var refusal = Given.Dossier([(Submit with { Request = WithoutCommitment }, At(2022, 5, 3))])
            .WhenRefused(Vote, At(2022, 6, 10), "republican-commitment.missing");

        Assert.Equal("republicanCommitment", refusal.Field);
        Assert.Contains("loi n°2000-321, art. 10-1", refusal.Rule);
    }

    [Fact]
    public void Given_an_association_request_When_its_commitment_is_recorded_later_Then_the_vote_is_accepted_and_the_commitment_kept()
    {
        var given = Given.Dossier([(Submit with { Request = WithoutCommitment }, At(2022, 5, 3))]);
        Assert.Contains(nameof(RecordRepublicanCommitment), Workflow.AllowedCommands(given.State));

        given.Apply(new RecordRepublicanCommitment(new DateOnly(2022, 5, 20), "Pascal Vairac"), At(2022, 5, 20, 15))
            .Apply(Vote, At(2022, 6, 10));

        Assert.Equal(DossierStage.Adopted, given.State.Stage);
        Assert.Equal(new RepublicanCommitment(new DateOnly(2022, 5, 20), "Pascal Vairac"), given.State.Request!.RepublicanCommitment);
        Assert.DoesNotContain(nameof(RecordRepublicanCommitment), Workflow.AllowedCommands(given.State));
    }

    [Fact]
    public void Given_an_association_request_made_before_2_January_2022_Then_no_commitment_is_required()
    {
        var old = WithoutCommitment with { ReceivedOn = new DateOnly(2021, 12, 20) };
        var given = Given.Dossier([(Submit with { Request = old }, At(2021, 12, 21))]);

        Assert.Equal(DossierStage.Adopted, given.Apply(Vote with { SessionDate = new DateOnly(2021, 12, 30) }, At(2021, 12, 31)).State.Stage);
    }

    [Fact]
    public void Given_a_company_without_RNA_Then_no_commitment_is_asked_and_none_can_be_recorded()
    {
        var company = WithoutCommitment with { Beneficiary = Request.Beneficiary with { Rna = null, Kind = null } };
        var given = Given.Dossier([(Submit with { Request = company }, At(2022, 5, 3))]);

        Assert.DoesNotContain(nameof(RecordRepublicanCommitment), Workflow.AllowedCommands(given.State));
        given.WhenRefused(new RecordRepublicanCommitment(new DateOnly(2022, 5, 20), "X"), At(2022, 5, 20, 15), "republican-commitment.not-association");
        Assert.Equal(DossierStage.Adopted, given.Apply(Vote, At(2022, 6, 10)).State.Stage);
    }

    [Fact]
    public void Given_a_foundation_without_RNA_When_voted_without_commitment_Then_refused()
    {
        var foundation = WithoutCommitment with { Beneficiary = Request.Beneficiary with { Rna = null, Kind = BeneficiaryKind.Foundation } };

        Given.Dossier([(Submit with { Request = foundation }, At(2022, 5, 3))]).WhenRefused(Vote, At(2022, 6, 10), "republican-commitment.missing");
    }

    [Fact]
    public void Given_15_000_already_granted_this_year_When_9_000_without_convention_is_requested_Then_refused_for_the_yearly_total()
    {
        var request = Request with { Convention = ConventionTerms.Default with { HasConvention = false } };

        var refusal = Given.Dossier([]).WhenRefused(Submit with { Request = request, OtherGrantsThisYear = 15_000m }, At(2022, 5, 3), "convention.compulsory");

        Assert.Equal("convention.hasConvention", refusal.Field);
        Assert.Contains("24", refusal.Message);
        Assert.Single(Given.Dossier([]).When(Submit with { Request = request, OtherGrantsThisYear = 14_000m }, At(2022, 5, 3)));
    }

    [Fact]
    public void Given_a_request_without_convention_When_voted_while_other_grants_bring_the_year_above_23_000_Then_refused()
    {
        var request = Request with { Convention = ConventionTerms.Default with { HasConvention = false } };
        var given = Given.Dossier([(Submit with { Request = request }, At(2022, 5, 3))]);

        var refusal = given.WhenRefused(Vote with { OtherGrantsThisYear = 14_000.01m }, At(2022, 6, 10), "convention.compulsory");

        Assert.Equal("amountVoted", refusal.Field);
        Assert.Equal(DossierStage.Adopted, given.Apply(Vote with { OtherGrantsThisYear = 14_000m }, At(2022, 6, 10)).State.Stage);
    }
}
