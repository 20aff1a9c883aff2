using System.Net;
using System.Net.Http.Json;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>What a beneficiary reads of their dossier once the assembly voted: the grant, not the vote's names, tally or budget line.</summary>
public sealed class PortalFollowTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3), new Dictionary<string, string?>
    {
        ["Portal:BudgetLineCode"] = "65-23-6574",
        ["Portal:BudgetLineLabel"] = "Enseignement supérieur",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAPortalRequestAdoptedByTheBureau_WhenTheBeneficiaryFollowsIt_ThenTheyReadTheGrantButNothingInternal()
    {
        var finance = await host.SignInAsync(Role.Finance, "Paul Trésor");
        (await finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = 510_000 })).EnsureSuccessStatusCode();
        var beneficiary = await PortalApi.SignInAsync(host, "presidence@cmq-msi.example.fr");
        var id = (await (await beneficiary.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).JsonAsync()).GetProperty("dossierId").GetString()!;

        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 6, 10));
        var secretariat = await host.SignInAsync(Role.Secretariat, "Yves Guyen");
        var vote = await secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote"));
        Assert.True(vote.StatusCode == HttpStatusCode.OK, await vote.Content.ReadAsStringAsync());

        // Five weeks on, the first session (8 hours) has ended: a new link opens another.
        Assert.Equal(HttpStatusCode.Unauthorized, (await beneficiary.GetAsync($"/api/portal/dossiers/{id}")).StatusCode);
        beneficiary = await PortalApi.SignInAsync(host, "presidence@cmq-msi.example.fr");
        var view = await beneficiary.GetAsync($"/api/portal/dossiers/{id}");
        var json = await view.Content.ReadAsStringAsync();
        var body = await view.JsonAsync();

        Assert.Equal(9000m, body.GetProperty("amountGranted").GetDecimal());
        Assert.Equal("Subvention accordée, convention en préparation", body.GetProperty("stage").GetString());
        Assert.Contains(body.GetProperty("steps").EnumerateArray(), s => s.GetProperty("text").GetString()!.Contains("accordé une subvention", StringComparison.Ordinal));
        foreach (var internalFact in new[] { "Anne VIGNOT", "Yves GUYEN", "COUDRY", "VUILLEMIN", "2022-06-09-12", "65-23-6574", "Enseignement supérieur", "instruction.subventions", "Yves Guyen", "tally", "credits" })
        {
            Assert.DoesNotContain(internalFact, json, StringComparison.OrdinalIgnoreCase);
        }
    }
}
