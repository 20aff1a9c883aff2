using Approvals.Application;
using Approvals.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>
/// Issue 17 item 4: the vote's figures from outside the dossier (the line's available credits, the beneficiary's other
/// grants of the year) are read by the application's <see cref="VoteRecording"/>, which both hosts call, over the real
/// Azurite: a vote beyond the line's remainder or above the convention threshold is refused and changes nothing.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class VoteRecordingTests(StorageFixture storage)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Actor Secretariat = new("Secrétariat des assemblées", Role.Secretariat);

    private static readonly DossierCommand.RecordVote SeedVote = (DossierCommand.RecordVote)StorageApp.SeedToNotification[0];

    /// <summary>The seed's vote as the secretariat sends it, without the figures the server reads.</summary>
    private static readonly SecretariatVote Vote = new(
        SeedVote.ReportNumber, SeedVote.Rapporteur, SeedVote.Assembly, SeedVote.SessionDate, SeedVote.Attendance, SeedVote.Tally, SeedVote.SecretBallot,
        SeedVote.PresidentVotesFor, SeedVote.AmountVoted, SeedVote.Officers);

    [Fact]
    public async Task GivenALineWhoseCreditsAnotherVoteTook_WhenAVoteAsksMoreThanTheRemainder_ThenItIsRefusedNamingTheRemainderAndNothingChanges()
    {
        await using var services = await StartAsync();
        var (dossiers, votes, lines) = Parts(services);
        var line = StorageApp.SeedRequest.BudgetLine;
        const decimal remainder = 500m;
        await lines.UpsertAsync(new BudgetLineRecord(line.Year, line.Code, line.Label, Vote.AmountVoted + remainder), None);
        var first = await CreateAsync(dossiers, StorageApp.SeedRequest, StorageApp.Officer);
        var second = await CreateAsync(dossiers, StorageApp.SeedRequest, StorageApp.Officer);
        var before = (await dossiers.GetAsync(second, None)).Unwrap().Version;

        var adopted = await votes.RecordAsync(first, Vote, Secretariat, None);
        var refused = await votes.RecordAsync(second, Vote, Secretariat, None);

        Assert.Equal(DossierStage.Adopted, adopted.Unwrap().State.Stage);
        var refusal = Assert.Single(refused.Refusals);
        Assert.Equal("budget.credits-insufficient", refusal.Code);
        Assert.Contains($"{Money.Format(remainder)} disponibles", refusal.Message, StringComparison.Ordinal);
        var untouched = (await dossiers.GetAsync(second, None)).Unwrap();
        Assert.Equal((DossierStage.Submitted, before), (untouched.State.Stage, untouched.Version));
        var balance = (await lines.FindAsync(line.Year, line.Code, None))!;
        Assert.Equal(Vote.AmountVoted, balance.Committed + balance.Reserved);
    }

    [Fact]
    public async Task GivenTheBeneficiaryGrantedTwiceThisYear_WhenAThirdVoteWouldPassTheConventionThreshold_ThenItIsRefusedCountingOnlyThisAuthoritysGrants()
    {
        await using var services = await StartAsync();
        var (dossiers, votes, _) = Parts(services);
        var request = StorageApp.SeedRequest with { Convention = StorageApp.SeedRequest.Convention with { HasConvention = false } };
        // The same beneficiary's grant by another authority: its own account, not this one's.
        var elsewhere = await CreateAsync(dossiers, request, StorageApp.Officer with { AuthorityId = "pma" });
        Assert.True((await votes.RecordAsync(elsewhere, Vote, Secretariat with { AuthorityId = "pma" }, None)).IsOk);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateAsync(dossiers, request, StorageApp.Officer));
        }

        var outcomes = new List<Result<CommandOutcome>>();
        foreach (var id in ids)
        {
            outcomes.Add(await votes.RecordAsync(id, Vote, Secretariat, None));
        }

        Assert.True(outcomes[0].IsOk && outcomes[1].IsOk);
        var refusal = Assert.Single(outcomes[2].Refusals);
        Assert.Equal(("convention.compulsory", "amountVoted"), (refusal.Code, refusal.Field));
        Assert.Contains($"{Money.Format(2 * Vote.AmountVoted)} déjà attribués", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(DossierStage.Submitted, (await dossiers.GetAsync(ids[2], None)).Unwrap().State.Stage);
    }

    [Fact]
    public async Task GivenADossierOfAnotherAuthority_WhenItsVoteIsRecorded_ThenItIsNotFoundAndStaysAsItWas()
    {
        await using var services = await StartAsync();
        var (dossiers, votes, _) = Parts(services);
        var id = await CreateAsync(dossiers, StorageApp.SeedRequest, StorageApp.Officer);
        var before = (await dossiers.GetAsync(id, None)).Unwrap().Version;

        var refused = await votes.RecordAsync(id, Vote, Secretariat with { AuthorityId = "pma" }, None);

        Assert.Equal("dossier.not-found", Assert.Single(refused.Refusals).Code);
        Assert.Equal(before, (await dossiers.GetAsync(id, None)).Unwrap().Version);
    }

    private static async Task<string> CreateAsync(DossierService dossiers, GrantRequest request, Actor officer) =>
        (await dossiers.CreateAsync(request, officer, null, None)).Unwrap().DossierId;

    private static (DossierService Dossiers, VoteRecording Votes, IBudgetLineStore Lines) Parts(ServiceProvider services) =>
        (services.GetRequiredService<DossierService>(), services.GetRequiredService<VoteRecording>(), services.GetRequiredService<IBudgetLineStore>());

    /// <summary>The day after the seed's session, as the secretariat records it.</summary>
    private Task<ServiceProvider> StartAsync() =>
        StorageApp.StartAsync(StorageApp.Tables(storage.Azurite), new FakeTimeProvider(new DateTimeOffset(2022, 6, 10, 8, 0, 0, TimeSpan.Zero)), new StorageApp.NullMailer());
}
