using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Testing;
using Azure.Data.Tables;

namespace Approvals.Server.Tests;

/// <summary>
/// Issue 15: a deployment of the single-authority release moves to authorities as data with nothing lost. Its rows are
/// written raw to Azurite as that release wrote them (dossiers without an authority, their index in the unprefixed
/// partition, the year's counter, a failed mail in the failed list, a role assignment without an authority), then the
/// server starts over them with a second authority stored: everything is the first authority's, nothing the second's.
/// </summary>
public sealed class SingleAuthorityMigrationTests
{
    private const string Second = "pma";
    private const string Person = "ines@collectivite.example.fr";
    private const string FailedItem = "000001-01";
    private static readonly DateTimeOffset SubmittedAt = new(2022, 5, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenRowsOfTheSingleAuthorityRelease_WhenTheServerStartsWithASecondAuthority_ThenEverythingIsTheFirstAuthoritysAndNothingIsLost()
    {
        await using var azurite = await AzuriteInstance.StartNewAsync();
        var tables = new TableServiceClient(azurite.ConnectionString);
        var old = new[] { "SUB-2022-0006", "SUB-2022-0007" };
        foreach (var (id, i) in old.Select((id, i) => (id, i)))
        {
            await WriteDossierAsync(tables, id, SubmittedAt.AddMinutes(i));
        }

        await Table(tables, "Counters").AddEntityAsync(new TableEntity("dossiers-2022", "counter") { ["Value"] = 7L });
        await WriteFailedMailAsync(tables, old[1]);
        await Table(tables, "RoleAssignments").AddEntityAsync(new TableEntity("people", $"person|{Person}")
        {
            ["Person"] = Person,
            ["Role"] = "Finance",
            ["AssignedBy"] = "Alice",
            ["AssignedAt"] = SubmittedAt,
        });

        await using var host = await ApprovalsServerHost.StartAsync(
            new DateTimeOffset(2022, 5, 3, 8, 0, 0, TimeSpan.Zero), new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString });
        await host.Service<AuthorityDirectory>().SaveAsync(new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
        var finance = await host.SignInAsync(Role.Finance);
        var officer = await host.SignInAsync(Role.CaseOfficer);

        // The first authority: the list (newest first), a listing, each dossier with its intact register, the failed mail.
        Assert.Equal(old.Reverse(), await IdsAsync(finance, "/api/dossiers", null));
        Assert.Equal(old.Reverse(), await IdsAsync(finance, "/api/dossiers?stage=Submitted", null));
        foreach (var id in old)
        {
            var verified = await (await SendAsync(finance, HttpMethod.Get, $"/api/dossiers/{id}/register/verify", null)).JsonAsync();
            Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        }

        var failed = await (await SendAsync(finance, HttpMethod.Get, "/api/outbox/failed", null)).JsonAsync();
        Assert.Equal([(old[1], FailedItem)], failed.EnumerateArray().Select(f => (f.GetProperty("dossierId").GetString(), f.GetProperty("itemId").GetString())));

        // The second authority sees none of it.
        Assert.Empty(await IdsAsync(finance, "/api/dossiers", Second));
        Assert.Empty((await (await SendAsync(finance, HttpMethod.Get, "/api/outbox/failed", Second)).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(finance, HttpMethod.Get, $"/api/dossiers/{old[0]}", Second)).StatusCode);

        // The first authority's numbering goes on from the old counter; the second starts its own.
        Assert.Equal("SUB-2022-0008", await CreateAsync(officer, null));
        Assert.Equal("PMA-SUB-2022-0001", await CreateAsync(officer, Second));

        // The role assigned before authorities existed is the person's role in the first authority, and only there.
        var assignments = await host.Service<IRoleAssignments>().FindAllAsync(Person, CancellationToken.None);
        var assignment = Assert.Single(assignments);
        Assert.Equal((Role.Finance, (string?)null), (assignment.Role, assignment.AuthorityId));

        // The failed mail, retried from the first authority, leaves the list: its old listing row is found and removed.
        var retried = await SendAsync(finance, HttpMethod.Post, $"/api/outbox/{old[1]}/{FailedItem}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Empty((await (await SendAsync(finance, HttpMethod.Get, "/api/outbox/failed", null)).JsonAsync()).EnumerateArray());
    }

    private static TableClient Table(TableServiceClient tables, string name)
    {
        var table = tables.GetTableClient(name);
        table.CreateIfNotExists();
        return table;
    }

    /// <summary>A submitted dossier as the single-authority release stored it: state and register, summary and key rows, no authority anywhere.</summary>
    private static async Task WriteDossierAsync(TableServiceClient tables, string id, DateTimeOffset at)
    {
        DossierNumber.TryParse(id, out var number);
        var events = Workflow.Decide(Dossier.Empty, new DossierCommand.SubmitRequest(number!, DomainJson.Deserialize<GrantRequest>(SeedRequests.Request.ToJsonString()), ProcessPolicy.Default), at).Unwrap();
        var state = events.Aggregate(Dossier.Empty, Workflow.Evolve);
        var entry = RegisterChain.Entry(id, 1, events[0].GetType().Name, DomainJson.SerializeEvent(events[0]), "Claire Martin (CaseOfficer)", at, RegisterChain.Genesis);
        var snapshot = JsonNode.Parse(DomainJson.Serialize(new Snapshot(state, [])))!.AsObject();
        snapshot.Remove("authorityId");
        var request = state.Request!;
        var summary = new Dictionary<string, object>
        {
            ["DossierId"] = id,
            ["Number"] = id,
            ["Stage"] = state.Stage.ToString(),
            ["Year"] = request.BudgetLine.Year,
            ["BudgetLineCode"] = request.BudgetLine.Code,
            ["BeneficiaryName"] = request.Beneficiary.Name,
            ["BeneficiarySiret"] = request.Beneficiary.Siret ?? "",
            ["Title"] = request.Object.Length > 200 ? request.Object[..200] : request.Object,
            ["AmountRequested"] = request.AmountRequested.ToString(CultureInfo.InvariantCulture),
            ["AmountVoted"] = "0",
            ["AmountPaid"] = "0",
            ["UpdatedAt"] = at,
            ["AmountCommitted"] = "0",
            ["AmountRecovered"] = "0",
            ["Json"] = snapshot.ToJsonString(),
        };

        var stateRow = new TableEntity(summary) { PartitionKey = id, RowKey = "state", ["Version"] = 1L, ["LastHash"] = entry.Hash };
        await Table(tables, "Dossiers").SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, stateRow),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(id, "event-000001")
            {
                ["DossierId"] = id,
                ["Sequence"] = 1L,
                ["Type"] = entry.Type,
                ["Actor"] = entry.Actor,
                ["RecordedAt"] = at,
                ["PreviousHash"] = entry.PreviousHash,
                ["Hash"] = entry.Hash,
                ["Json"] = entry.Json,
            }),
        ]);

        var sortKey = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + id;
        await Table(tables, "DossierSummaries").AddEntityAsync(new TableEntity(summary) { PartitionKey = id, RowKey = id, ["Version"] = 1L, ["SortKey"] = sortKey });
        foreach (var listing in new[] { "all", $"stage|{state.Stage}", $"year|{request.BudgetLine.Year}", $"line|{request.BudgetLine.Code}" })
        {
            await Table(tables, "DossierIndex").AddEntityAsync(new TableEntity("index", $"{listing}|{sortKey}") { ["DossierId"] = id });
        }
    }

    /// <summary>A mail the provider refused, as the release marked it: the item flagged in its dossier, listed in <c>~failed</c>.</summary>
    private static async Task WriteFailedMailAsync(TableServiceClient tables, string id)
    {
        var failedAt = SubmittedAt.AddHours(1);
        var listing = $"{DateTimeOffset.MaxValue.UtcTicks - failedAt.UtcTicks:D19}|{id}|{FailedItem}";
        var mail = new OutgoingMail($"{id}:1:approval", ["asso@example.org"], $"{id} — Subvention approuvée", "<p>Approuvée</p>", "Approuvée");
        await Table(tables, "Dossiers").AddEntityAsync(new TableEntity(id, "outbox-" + FailedItem)
        {
            ["DossierId"] = id,
            ["Id"] = FailedItem,
            ["Kind"] = OutboxKinds.Mail,
            ["Failed"] = true,
            ["FailureReason"] = "550 mailbox unavailable",
            ["FailedAt"] = failedAt,
            ["FailedListing"] = listing,
            ["Json"] = DomainJson.Serialize(mail),
        });
        await Table(tables, "Dossiers").AddEntityAsync(new TableEntity("~failed", listing) { ["DossierId"] = id, ["ItemId"] = FailedItem });
    }

    private static async Task<List<string?>> IdsAsync(HttpClient client, string url, string? authority) =>
        (await (await SendAsync(client, HttpMethod.Get, url, authority)).JsonAsync()).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("dossierId").GetString()).ToList();

    private static async Task<string> CreateAsync(HttpClient client, string? authority)
    {
        var response = await SendAsync(client, HttpMethod.Post, "/api/dossiers", authority, SeedRequests.Request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? authority, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body ?? new JsonObject());
        }

        if (authority is not null)
        {
            request.Headers.Add(CurrentAuthority.Header, authority);
        }

        return await client.SendAsync(request);
    }
}
