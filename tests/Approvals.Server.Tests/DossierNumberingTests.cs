using System.Net;
using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Storage;
using Approvals.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Server.Tests;

/// <summary>
/// Dossier numbers per authority (issue 15): each authority counts its own year from 1, the first one with the counter
/// row it always had. Through the real server and its Azurite, requests of both authorities at once.
/// </summary>
public sealed class DossierNumberingTests : IAsyncLifetime
{
    private const string Second = "pma";
    private const int PerAuthority = 8;

    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync()
    {
        // Sixteen requests at once on a shared machine: the storage timeout of the other tests (3 s) is short for them.
        host = await ApprovalsServerHost.StartAsync(
            new DateTimeOffset(2022, 5, 3, 8, 0, 0, TimeSpan.Zero), new Dictionary<string, string?> { ["Storage:RequestTimeout"] = "00:00:30" });
        await host.Services.GetRequiredService<AuthorityDirectory>().SaveAsync(
            new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GivenAnOldCounterRow_WhenTwoAuthoritiesCreateDossiersAtOnce_ThenEachGetsItsOwnGapFreeSequence()
    {
        // The counter as the single-authority release left it: 41 numbers of 2022 given already.
        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var counters = host.Services.GetRequiredService<TableServiceClient>().GetTableClient(options.CountersTable);
        await counters.AddEntityAsync(new TableEntity("dossiers-2022", "counter") { ["Value"] = 41L });
        var officer = await host.SignInAsync(Role.CaseOfficer);

        var created = await Task.WhenAll(Enumerable.Range(0, PerAuthority)
            .SelectMany(_ => new[] { CreateAsync(officer, null), CreateAsync(officer, Second) }));

        var ours = created.Where(c => c.Authority is null).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        var theirs = created.Where(c => c.Authority == Second).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(42, PerAuthority).Select(n => $"SUB-2022-{n:D4}"), ours);
        Assert.Equal(Enumerable.Range(1, PerAuthority).Select(n => $"PMA-SUB-2022-{n:D4}"), theirs);
        // The next number of the first authority follows the old row, and the new authority's counter is its own row.
        Assert.Equal(41L + PerAuthority, (await counters.GetEntityAsync<TableEntity>("dossiers-2022", "counter")).Value.GetInt64("Value"));
        Assert.Equal(PerAuthority, (await counters.GetEntityAsync<TableEntity>("dossiers-pma-2022", "counter")).Value.GetInt64("Value"));

        // Each dossier is its authority's, under the number it was given.
        foreach (var (id, authority) in created)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{id}");
            if (authority is not null)
            {
                request.Headers.Add(CurrentAuthority.Header, authority);
            }

            var dossier = await (await officer.SendAsync(request)).JsonAsync();
            Assert.Equal(id, dossier.GetProperty("number").GetString());
        }
    }

    [Fact]
    public async Task GivenOneIdempotencyKey_WhenBothAuthoritiesCreateUnderIt_ThenEachGetsItsOwnDossierAndARetryItsFirst()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);

        var ours = await CreateAsync(officer, null, "same-key");
        var theirs = await CreateAsync(officer, Second, "same-key");
        var theirsAgain = await CreateAsync(officer, Second, "same-key");

        Assert.Equal("SUB-2022-0001", ours.Id);
        Assert.Equal("PMA-SUB-2022-0001", theirs.Id);
        Assert.Equal(theirs.Id, theirsAgain.Id);
    }

    private static async Task<(string Id, string? Authority)> CreateAsync(HttpClient client, string? authority, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = System.Net.Http.Json.JsonContent.Create(SeedRequests.Request) };
        if (authority is not null)
        {
            request.Headers.Add(CurrentAuthority.Header, authority);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return ((await response.JsonAsync()).GetProperty("dossierId").GetString()!, authority);
    }
}
