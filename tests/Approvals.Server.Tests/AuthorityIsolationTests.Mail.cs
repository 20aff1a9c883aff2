using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approvals.Application;
using Approvals.Storage;
using Approvals.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Server.Tests;

/// <summary>The failed e-mails and the daily digest, per authority: nobody sees, nor receives, another authority's.</summary>
public sealed partial class AuthorityIsolationTests
{
    private const string SecondFinance = "finances@agglo-montbeliard.example.fr";

    [Fact]
    public async Task GivenAFailedMailInEachAuthority_WhenFinanceListsOrRetriesThem_ThenOnlyTheirAuthoritysAreListedAndTheOtherIsNotFound()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var finance = await host.SignInAsync(Role.Finance);
        var ours = await CreateAsync(officer, authority: null);
        var theirs = await CreateAsync(officer, Second);
        await FailMailAsync(ours);
        await FailMailAsync(theirs);

        foreach (var (authority, own, other) in new[] { ((string?)null, ours, theirs), (Second, theirs, ours) })
        {
            var listed = await (await SendAsync(finance, "GET", "/api/outbox/failed", authority)).JsonAsync();
            Assert.Equal([own], listed.EnumerateArray().Select(item => item.GetProperty("dossierId").GetString()));

            var retry = await SendAsync(finance, "POST", $"/api/outbox/{other}/{FailedItem}/retry", authority);
            Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
        }

        // The refused retries changed nothing: each item is still listed, in its own authority.
        Assert.Equal([theirs], (await (await SendAsync(finance, "GET", "/api/outbox/failed", Second)).JsonAsync()).EnumerateArray().Select(i => i.GetProperty("dossierId").GetString()));
    }

    [Fact]
    public async Task GivenADeadlineInEachAuthority_WhenTheDigestIsSent_ThenEachAuthoritysFinanceStaffGetTheirOwnDossiersSignedWithTheirName()
    {
        await host.Services.GetRequiredService<AuthorityDirectory>().SaveAsync(
            new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000") { FinanceRecipients = [SecondFinance] }, CancellationToken.None);
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var ours = await CreateAsync(officer, authority: null);
        var theirs = await CreateAsync(officer, Second);
        // Each dossier with a deadline in three days, as its outbox files it in the deadline index.
        var due = new DateTimeOffset(2022, 5, 6, 22, 0, 0, TimeSpan.Zero);
        await host.Service<IDeadlineIndex>().UpsertAsync(
            [new IndexedDeadline(ours, "payment-window", "PaymentWindow", new DateOnly(2022, 5, 6), due), new IndexedDeadline(theirs, "payment-window", "PaymentWindow", new DateOnly(2022, 5, 6), due, Second)],
            CancellationToken.None);

        await host.Service<DigestService>().SendAsync(CancellationToken.None);

        var digests = (await host.Mail.WaitForRequestsAsync(2, TimeSpan.FromSeconds(30)))
            .Where(r => r.Subject?.StartsWith("Échéances", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, digests.Count);
        var first = Assert.Single(digests, d => d.To.Order().SequenceEqual(ApprovalsServerHost.FinanceRecipients.Order()));
        var second = Assert.Single(digests, d => d.To.SequenceEqual([SecondFinance]));
        Assert.Equal([ours], Numbers(first.Text!));
        Assert.Equal([theirs], Numbers(second.Text!));
        // The first authority's digest is signed as a one-authority deployment's; the other's with the authority's name.
        Assert.Equal("Approvals — Subventions", first.FromName);
        Assert.Contains("Message envoyé automatiquement par Approvals — ne pas répondre.", first.Text, StringComparison.Ordinal);
        Assert.Equal("Pays de Montbéliard Agglomération — Subventions", second.FromName);
        Assert.Contains("Message envoyé automatiquement par Approvals pour Pays de Montbéliard Agglomération — ne pas répondre.", second.Text, StringComparison.Ordinal);
        Assert.Contains("pour Pays de Montbéliard Agglomération", second.Html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A request for documents in each authority: the beneficiary's mail of the second one is sent in its name and never
    /// names the first; the first's stays as a one-authority deployment sends it.
    /// </summary>
    [Fact]
    public async Task GivenADossierOfEachAuthority_WhenTheOfficerAsksForDocuments_ThenTheBeneficiarysMailIsSignedByTheDossiersAuthorityOnly()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var ours = await CreateAsync(officer, authority: null);
        var request = SeedRequests.Request;
        // Seed 004's request names its authority (object, funder): the second authority's names its own.
        request["object"] = "Antenne du Cnam à Montbéliard : programme d'actions 2022";
        foreach (var revenue in request["budget"]!["revenues"]!.AsArray().Where(r => r!["fromThisAuthority"]!.GetValue<bool>()))
        {
            revenue!["funder"] = "Pays de Montbéliard Agglomération";
        }

        var created = await SendAsync(officer, "POST", "/api/dossiers", Second, request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var theirs = (await created.JsonAsync()).GetProperty("dossierId").GetString()!;

        var before = host.Mail.Requests.Count;
        foreach (var (id, authority) in new[] { (ours, (string?)null), (theirs, Second) })
        {
            var asked = await SendAsync(officer, "POST", $"/api/dossiers/{id}/documents-request", authority,
                JsonNode.Parse("""{ "documents": ["BankDetails"], "message": "Merci de joindre le RIB." }"""));
            Assert.True(asked.StatusCode == HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        }

        await host.Mail.WaitForRequestsAsync(before + 2, TimeSpan.FromSeconds(30));
        var asks = host.Mail.Requests.Skip(before).Where(m => m.Subject!.Contains("Pièces à fournir", StringComparison.Ordinal)).ToList();
        var first = Assert.Single(asks, m => m.Subject!.StartsWith(ours, StringComparison.Ordinal));
        var second = Assert.Single(asks, m => m.Subject!.StartsWith(theirs, StringComparison.Ordinal));
        Assert.Equal(["contact@cmq-msi.example.org"], second.To);

        Assert.Equal("Approvals — Subventions", first.FromName);
        Assert.Contains("Message envoyé automatiquement par Approvals — ne pas répondre.", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Montbéliard", first.Text + first.Html, StringComparison.Ordinal);

        Assert.Equal("Pays de Montbéliard Agglomération — Subventions", second.FromName);
        Assert.Contains("Message envoyé automatiquement par Approvals pour Pays de Montbéliard Agglomération — ne pas répondre.", second.Text, StringComparison.Ordinal);
        Assert.Contains("Message envoyé automatiquement par Approvals pour Pays de Montbéliard Agglomération — ne pas répondre.", second.Html, StringComparison.Ordinal);
        foreach (var part in new[] { second.Subject, second.Text, second.Html, second.FromName })
        {
            Assert.DoesNotContain("Grand Besançon", part, StringComparison.Ordinal);
            Assert.DoesNotContain("Approvals — ne pas répondre", part, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The second authority has no finance staff (this class stores it without): a mail for them only is not handed to
    /// the provider (SendGrid would refuse it: 400) but listed as failed in that authority, saying which setting to fill;
    /// once it is filled, sending it again reaches them.
    /// </summary>
    [Fact]
    public async Task GivenAnAuthorityWithoutFinanceRecipients_WhenAMailForItsFinanceStaffIsSent_ThenItIsListedAsFailedNamingTheSettingAndARetryAfterTheFixReachesThem()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var finance = await host.SignInAsync(Role.Finance);
        var theirs = await CreateAsync(officer, Second);
        // The payment request's mail as the policy writes it when the command commits (it goes to finance only).
        var stored = await host.Service<IDossierStore>().LoadAsync(theirs, CancellationToken.None);
        var dossier = DomainJson.Deserialize<Snapshot>(stored!.SnapshotJson).State;
        var mails = await host.Service<MailPolicy>().ComposeAsync(
            theirs, dossier, [(7, new Domain.DossierEvent.PaymentRequested(new DateOnly(2022, 5, 3), 1_000m) { At = host.Time.GetUtcNow() })], new Actor("Claire", Role.CaseOfficer) { AuthorityId = Second }, Second, CancellationToken.None);
        var mail = Assert.Single(mails);
        Assert.Empty(mail.To);
        await AddOutboxMailAsync(theirs, mail);

        var before = host.Mail.Requests.Count;
        Assert.False(await host.Service<OutboxDispatcher>().RetryAsync(theirs, FailedItem, CancellationToken.None));

        var failed = Assert.Single((await (await SendAsync(finance, "GET", "/api/outbox/failed", Second)).JsonAsync()).EnumerateArray());
        Assert.Equal(theirs, failed.GetProperty("dossierId").GetString());
        Assert.Equal(
            "Aucun destinataire aux finances pour Pays de Montbéliard Agglomération : renseignez le paramètre financeRecipients de l'autorité « pma » (table Authorities), puis renvoyez le courriel.",
            failed.GetProperty("reason").GetString());
        Assert.Empty((await (await SendAsync(finance, "GET", "/api/outbox/failed", null)).JsonAsync()).EnumerateArray());
        Assert.Equal(before, host.Mail.Requests.Count);

        var directory = host.Services.GetRequiredService<AuthorityDirectory>();
        await directory.SaveAsync((await directory.FindAsync(Second, CancellationToken.None))! with { FinanceRecipients = [SecondFinance] }, CancellationToken.None);
        var retry = await SendAsync(finance, "POST", $"/api/outbox/{theirs}/{FailedItem}/retry", Second);
        Assert.True(retry.IsSuccessStatusCode, await retry.Content.ReadAsStringAsync());

        var sent = (await host.Mail.WaitForRequestsAsync(before + 1, TimeSpan.FromSeconds(30))).Skip(before).Single();
        Assert.Equal([SecondFinance], sent.To);
        Assert.StartsWith($"{theirs} — Demande de paiement reçue", sent.Subject, StringComparison.Ordinal);
        Assert.Equal("Pays de Montbéliard Agglomération — Subventions", sent.FromName);
        Assert.Empty((await (await SendAsync(finance, "GET", "/api/outbox/failed", Second)).JsonAsync()).EnumerateArray());
    }

    private const string FailedItem = "000001-01";

    /// <summary>Every dossier number a mail's text names, whatever its authority.</summary>
    private static List<string> Numbers(string text) =>
        Regex.Matches(text, @"(?<![A-Z0-9-])(?:[A-Z0-9]+-)?SUB-\d{4}-\d{4,}").Select(m => m.Value).Distinct().ToList();

    /// <summary>A mail of the dossier's outbox that the provider refused for good, marked failed by the store as the dispatcher does.</summary>
    private async Task FailMailAsync(string dossierId)
    {
        await AddOutboxMailAsync(dossierId, new OutgoingMail($"{dossierId}:1:approval", ["asso@example.org"], $"{dossierId} — Subvention approuvée", "<p>Approuvée</p>", "Approuvée"));
        await host.Service<IDossierStore>().MarkOutboxFailedAsync(dossierId, FailedItem, "550 mailbox unavailable", CancellationToken.None);
    }

    /// <summary>A mail waiting in the dossier's outbox, as a commit writes it.</summary>
    private async Task AddOutboxMailAsync(string dossierId, OutgoingMail mail)
    {
        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var dossiers = host.Services.GetRequiredService<TableServiceClient>().GetTableClient(options.DossiersTable);
        await dossiers.AddEntityAsync(new TableEntity(dossierId, "outbox-" + FailedItem)
        {
            ["DossierId"] = dossierId,
            ["Id"] = FailedItem,
            ["Kind"] = OutboxKinds.Mail,
            ["Failed"] = false,
            ["Json"] = DomainJson.Serialize(mail),
        });
    }
}
