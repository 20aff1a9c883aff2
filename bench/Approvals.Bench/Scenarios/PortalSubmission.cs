using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approvals.Application;
using Approvals.Mail;

namespace Approvals.Bench;

/// <summary>
/// 10. A beneficiary's submission on the portal, end to end (the sign-in link asked for and read from the pickup
/// folder, the session, the draft saved, the request submitted with its acknowledgment, three documents uploaded)
/// against a case officer's creation of the same request with the same three documents through the agents' API.
/// </summary>
public static partial class PortalSubmission
{
    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var documentBytes = context.Sizes == Sizes.Quick ? 512 * 1024 : 2 * 1024 * 1024;
        using var officer = await context.Server.SignInAsync(Role.CaseOfficer);
        var pair = 0;

        async Task<(double Agents, double Portal)> Pair()
        {
            // One hour per pair: the portal's per-client limit (30 requests an hour) counts the bench's one address.
            context.Server.Time.Set(SettableTime.Paris(2022, 5, 3).AddHours(-2 + pair));
            pair++;
            var request = context.RequestOfItsOwn();
            var agents = Stopwatch.StartNew();
            await AgentsAsync(officer, request, documentBytes);
            var agentsTime = agents.Elapsed.TotalMilliseconds;
            var portal = Stopwatch.StartNew();
            await PortalAsync(context, request, $"bench-{pair}@asso.example.fr", documentBytes);
            return (agentsTime, portal.Elapsed.TotalMilliseconds);
        }

        await Pair();
        var ratios = new List<double>();
        var agentsMs = new List<double>();
        var portalMs = new List<double>();
        for (var round = 1; round <= context.Sizes.Rounds; round++)
        {
            var (agents, portal) = await Pair();
            ratios.Add(portal / agents);
            agentsMs.Add(agents);
            portalMs.Add(portal);
            Console.WriteLine($"  round {round}/{context.Sizes.Rounds} done");
        }

        return new ScenarioResult("10", "Portal submission: sign-in link, session, draft, submission and three documents vs the agents' creation",
            [
                Metric.Of("time ratio (portal / agents)", ratios, "×", "≤ 1.3", r => r <= 1.3),
                Metric.Of("portal, end to end", portalMs, "ms"),
                Metric.Of("agents' creation and uploads", agentsMs, "ms"),
            ],
            [$"three documents of {documentBytes / 1024} KiB each per side, {context.Sizes.Rounds} A/B rounds after one warm-up pair; the portal's side includes the sign-in e-mail and the acknowledgment written to the pickup folder"]);
    }

    private static async Task AgentsAsync(HttpClient officer, Approvals.Domain.GrantRequest request, int documentBytes)
    {
        using var created = await officer.PostAsJsonAsync("/api/dossiers", request, DomainJson.Options);
        var id = (await Ok(created, "creation")).GetProperty("dossierId").GetString()!;
        await UploadAllAsync(officer, $"/api/dossiers/{Uri.EscapeDataString(id)}/documents", documentBytes);
    }

    private static async Task PortalAsync(BenchContext context, Approvals.Domain.GrantRequest request, string address, int documentBytes)
    {
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = context.Server.BaseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        client.DefaultRequestHeaders.Add(Approvals.Api.RequestOrigin.Header, "1");
        using (var asked = await client.PostAsJsonAsync("/api/portal/sign-in", new { email = address }))
        {
            await Ok(asked, "sign-in link");
        }

        var mail = context.Server.Service<PickupMailbox>().List(20).First(m => m.To.Contains(address) && m.Subject.Contains("connexion", StringComparison.Ordinal));
        using (var session = await client.PostAsJsonAsync("/api/portal/session", new { token = Token().Match(mail.Text).Groups[1].Value }))
        {
            await Ok(session, "session");
        }

        var application = Application(request);
        using (var draft = await client.PutAsJsonAsync("/api/portal/draft", application))
        {
            await Ok(draft, "draft");
        }

        using var submitted = await client.PostAsJsonAsync("/api/portal/requests", application);
        var id = (await Ok(submitted, "submission")).GetProperty("dossierId").GetString()!;
        await UploadAllAsync(client, $"/api/portal/dossiers/{Uri.EscapeDataString(id)}/documents", documentBytes);
    }

    /// <summary>The request as the portal's form sends it (CERFA n°12156), from the same request the agents create.</summary>
    private static JsonObject Application(Approvals.Domain.GrantRequest request) => new()
    {
        ["name"] = request.Beneficiary.Name,
        ["siret"] = request.Beneficiary.Siret,
        ["rna"] = request.Beneficiary.Rna,
        ["kind"] = request.Beneficiary.Kind.ToString(),
        ["representative"] = request.Beneficiary.Representative,
        ["object"] = request.Object,
        ["actionsStart"] = request.ActionsStart.ToString("yyyy-MM-dd"),
        ["actionsEnd"] = request.ActionsEnd.ToString("yyyy-MM-dd"),
        ["expenses"] = new JsonArray(request.Budget.Expenses.Select(e => (JsonNode)new JsonObject { ["label"] = e.Label, ["amount"] = e.Amount }).ToArray()),
        ["revenues"] = new JsonArray(request.Budget.Revenues.Select(r => (JsonNode)new JsonObject { ["funder"] = r.Funder, ["amount"] = r.Amount, ["fromThisAuthority"] = r.FromThisAuthority }).ToArray()),
        ["amountRequested"] = request.AmountRequested,
        ["republicanCommitment"] = true,
        ["swornStatement"] = true,
    };

    private static async Task UploadAllAsync(HttpClient client, string url, int documentBytes)
    {
        foreach (var (kind, name) in new[] { ("Statutes", "statuts.pdf"), ("BankDetails", "rib.pdf"), ("ApprovedAccounts", "comptes.pdf") })
        {
            using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
            var file = new StreamContent(new GeneratedPdfStream(documentBytes), 64 * 1024);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", name);
            using var response = await client.PostAsync(url, form);
            await Ok(response, $"upload of {kind}");
        }
    }

    private static async Task<System.Text.Json.JsonElement> Ok(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    [GeneratedRegex("jeton=([A-Za-z0-9_-]+)")]
    private static partial Regex Token();
}
