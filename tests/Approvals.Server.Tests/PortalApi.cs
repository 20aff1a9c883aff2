using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>What the portal's tests do as a beneficiary would: ask for a link, read it from the captured e-mail, use it.</summary>
public static partial class PortalApi
{
    /// <summary>A valid request in the portal's form: the seed's association and budget (15 790 €, 9 000 € asked of us).</summary>
    public static JsonObject Application(string name = "CMQ MSI") => new()
    {
        ["name"] = name,
        ["siret"] = "00000001800010",
        ["rna"] = "W000000018",
        ["kind"] = "Association",
        ["representative"] = "Marie Durand",
        ["object"] = "Programme d'actions 2022-2023 du campus des métiers",
        ["actionsStart"] = "2022-09-01",
        ["actionsEnd"] = "2023-06-30",
        ["expenses"] = new JsonArray(
            Line("label", "Achats", 2472m), Line("label", "Services extérieurs", 618m), Line("label", "Autres services extérieurs", 6900m),
            Line("label", "Impôts et taxes", 1500m), Line("label", "Charges de personnel", 4300m)),
        ["revenues"] = new JsonArray(Revenue("Ressources propres", 5790m, false), Revenue("Grand Besançon Métropole", 9000m, true), Revenue("Région", 1000m, false)),
        ["amountRequested"] = 9000m,
        ["republicanCommitment"] = true,
        ["swornStatement"] = true,
    };

    public static Task<HttpResponseMessage> AskLinkAsync(HttpClient client, string email) =>
        client.PostAsJsonAsync("/api/portal/sign-in", new { email });

    /// <summary>The token of the newest sign-in mail captured for <paramref name="email"/>.</summary>
    public static async Task<string> TokenAsync(ApprovalsServerHost host, string email, int mailsBefore)
    {
        var mails = await host.Mail.WaitForRequestsAsync(mailsBefore + 1, TimeSpan.FromSeconds(10));
        var mail = mails.Last(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase) && m.Subject!.Contains("connexion"));
        return Token().Match(mail.Text!).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> UseAsync(HttpClient client, string token, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { token }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A client signed in to the portal as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignInAsync(ApprovalsServerHost host, string email)
    {
        var client = host.Anonymous();
        var before = host.Mail.Requests.Count;
        (await AskLinkAsync(client, email)).EnsureSuccessStatusCode();
        (await UseAsync(client, await TokenAsync(host, email, before))).EnsureSuccessStatusCode();
        return client;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string kind, string name)
    {
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent(LifecycleApiTests.SamplePdf(name));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await client.PostAsync(url, form);
    }

    private static JsonObject Line(string key, string label, decimal amount) => new() { [key] = label, ["amount"] = amount };

    private static JsonObject Revenue(string funder, decimal amount, bool ours) => new() { ["funder"] = funder, ["amount"] = amount, ["fromThisAuthority"] = ours };

    [GeneratedRegex("jeton=([A-Za-z0-9_-]+)")]
    private static partial Regex Token();
}
