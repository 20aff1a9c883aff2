using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>Role assignments kept by Approvals, managed by administrators, each change in an append-only audit register.</summary>
public sealed class RoleAssignmentsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private ApprovalsServerHost host = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Start);
        admin = await host.SignInAsync(Role.Administrator, "Alice Admin");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAnAdministrator_WhenAssigningChangingAndRemovingARole_ThenTheListAndTheAuditRegisterFollow()
    {
        var assigned = await JsonAsync(await admin.PutAsJsonAsync("/api/role-assignments/Nora.Petit@Collectivite.example.fr", new { role = "Reader" }));
        Assert.Equal("nora.petit@collectivite.example.fr", assigned.GetProperty("person").GetString());
        Assert.Equal("lecteur", assigned.GetProperty("roleLabel").GetString());
        Assert.Equal("Alice Admin", assigned.GetProperty("assignedBy").GetString());

        host.Time.Advance(TimeSpan.FromMinutes(5));
        await JsonAsync(await admin.PutAsJsonAsync("/api/role-assignments/nora.petit@collectivite.example.fr", new { role = "Finance" }));
        await JsonAsync(await admin.PutAsJsonAsync("/api/role-assignments/nora.petit@collectivite.example.fr", new { role = "Finance" }));
        await JsonAsync(await admin.PutAsJsonAsync("/api/role-assignments/f81d4fae-7dec-11d0-a765-00a0c91e6bf6", new { role = "CaseOfficer" }));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/role-assignments/f81d4fae-7dec-11d0-a765-00a0c91e6bf6")).StatusCode);

        var list = (await JsonAsync(await admin.GetAsync("/api/role-assignments"))).EnumerateArray().ToList();
        var only = Assert.Single(list);
        Assert.Equal("Finance", only.GetProperty("role").GetString());
        var audit = (await JsonAsync(await admin.GetAsync("/api/role-audit"))).EnumerateArray()
            .Select(r => (Person: r.GetProperty("person").GetString(), Before: Text(r, "before"), After: Text(r, "after"), By: r.GetProperty("changedBy").GetString(), At: r.GetProperty("changedAt").GetDateTimeOffset()))
            .ToList();
        Assert.Equal(audit.OrderByDescending(r => r.At).Select(r => r.At), audit.Select(r => r.At));
        Assert.Equal(
            [
                ("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "CaseOfficer", null, "Alice Admin", Start.AddMinutes(10)),
                ("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", null, "CaseOfficer", "Alice Admin", Start.AddMinutes(5)),
                ("nora.petit@collectivite.example.fr", "Reader", "Finance", "Alice Admin", Start.AddMinutes(5)),
                ("nora.petit@collectivite.example.fr", null, "Reader", "Alice Admin", Start),
            ],
            audit.OrderByDescending(r => r.At).ThenBy(r => r.Person, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task GivenTheAuditRegister_WhenSomeoneTriesToChangeOrRemoveIt_ThenNoRouteExists()
    {
        await JsonAsync(await admin.PutAsJsonAsync("/api/role-assignments/nora.petit@collectivite.example.fr", new { role = "Reader" }));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync("/api/role-audit")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.PutAsJsonAsync("/api/role-audit", new { person = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.PostAsJsonAsync("/api/role-audit", new { person = "x" })).StatusCode);
        Assert.Single((await JsonAsync(await admin.GetAsync("/api/role-audit"))).EnumerateArray());
    }

    [Theory]
    [InlineData("nora.petit@collectivite.example.fr", "Système", "role")]
    [InlineData("nora.petit@collectivite.example.fr", "System", "role")]
    [InlineData("nora.petit@collectivite.example.fr", "2", "role")]
    [InlineData("nora@", "Reader", "person")]
    [InlineData("%20", "Reader", "person")]
    public async Task GivenAnInvalidPersonOrRole_WhenAssigning_ThenA422NamesTheFieldAndNothingIsRecorded(string person, string role, string field)
    {
        var refused = await admin.PutAsJsonAsync($"/api/role-assignments/{person}", new { role });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        Assert.Empty((await JsonAsync(await admin.GetAsync("/api/role-audit"))).EnumerateArray());
    }

    [Fact]
    public async Task GivenOtherRoles_WhenManagingRoles_ThenRefusedAndTheAdministratorReadsNoDossier()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/role-assignments/claire.martin@collectivite.example.fr", new { role = "Administrator" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/role-audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/dossiers")).StatusCode);
        Assert.Equal("administrateur", (await JsonAsync(await admin.GetAsync("/api/me"))).GetProperty("roleLabel").GetString());
    }

    [Fact]
    public async Task GivenNoAssignment_WhenRemoving_Then404()
    {
        var missing = await admin.DeleteAsync("/api/role-assignments/nobody@collectivite.example.fr");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty((await JsonAsync(await admin.GetAsync("/api/role-audit"))).EnumerateArray());
    }

    private static string? Text(JsonElement row, string name) => row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetString();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
