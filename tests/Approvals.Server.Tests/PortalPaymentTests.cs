using System.Net;
using System.Net.Http.Json;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>The beneficiary asks for payment on the portal: accepted within the two months after notification, refused in words after.</summary>
public sealed class PortalPaymentTests : IAsyncLifetime
{
    private const string Address = "presidence@cmq-msi.example.fr";

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3), new Dictionary<string, string?>
    {
        ["Portal:BudgetLineCode"] = "65-23-6574",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenTwoNotifiedGrants_WhenPaymentIsAskedWithinAndAfterTheWindow_ThenTheFirstIsRecordedAndTheSecondRefusedInWords()
    {
        var finance = await host.SignInAsync(Role.Finance, "Paul Trésor");
        (await finance.PutAsJsonAsync("/api/budget-lines/2022/65-23-6574", new { label = "Enseignement supérieur", voted = 510_000 })).EnsureSuccessStatusCode();
        var beneficiary = await PortalApi.SignInAsync(host, Address);
        var first = await SubmitAsync(beneficiary);
        var second = await SubmitAsync(beneficiary);
        await WalkToNotificationAsync(host, first, second);

        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 7, 15));
        beneficiary = await PortalApi.SignInAsync(host, Address);
        var view = await (await beneficiary.GetAsync($"/api/portal/dossiers/{first}")).JsonAsync();
        Assert.Contains(view.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("lastDay").GetString() == "2022-08-30");
        Assert.True(view.GetProperty("canRequestPayment").GetBoolean());
        var within = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{first}/payment-request", new { amount = 9000 });
        Assert.True(within.StatusCode == HttpStatusCode.OK, await within.Content.ReadAsStringAsync());
        Assert.Equal("Paiement demandé", (await within.JsonAsync()).GetProperty("stage").GetString());

        host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 8, 31));
        beneficiary = await PortalApi.SignInAsync(host, Address);
        var late = await beneficiary.PostAsJsonAsync($"/api/portal/dossiers/{second}/payment-request", new { amount = 9000 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var detail = (await late.JsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("30/08/2022", detail);
        Assert.Contains("caduque", detail);
        var officer = await host.SignInAsync(Role.CaseOfficer);
        Assert.Equal("Notified", (await (await officer.GetAsync($"/api/dossiers/{second}")).JsonAsync()).GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalApi.SignInAsync(host, "autre@asso.example.fr"))
            .PostAsJsonAsync($"/api/portal/dossiers/{first}/payment-request", new { amount = 1 })).StatusCode);
    }

    private static async Task<string> SubmitAsync(HttpClient beneficiary) =>
        (await (await beneficiary.PostAsJsonAsync("/api/portal/requests", PortalRequestForm.Valid())).JsonAsync()).GetProperty("dossierId").GetString()!;

    /// <summary>Both dossiers step by step with the seed's commands (the fake clock only goes forward).</summary>
    internal static async Task WalkToNotificationAsync(ApprovalsServerHost host, params string[] ids)
    {
        var secretariat = await host.SignInAsync(Role.Secretariat, "Yves Guyen");
        var officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        foreach (var (day, client, segment, command) in new[]
                 {
                     (10, secretariat, "vote", "RecordVote"), (20, secretariat, "transmission", "RecordTransmission"),
                     (22, secretariat, "acknowledgment", "AcknowledgeReceipt"), (29, officer, "signature", "SignConvention"),
                     (30, officer, "notification", "Notify"),
                 })
        {
            host.Time.SetUtcNow(LifecycleApiTests.Paris(2022, 6, day));
            foreach (var id in ids)
            {
                var response = await client.PostJsonAsync($"/api/dossiers/{id}/{segment}", SeedRequests.Command(command));
                Assert.True(response.IsSuccessStatusCode, $"{segment}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
