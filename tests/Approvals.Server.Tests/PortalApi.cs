using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>What the portal's tests do as a beneficiary would: ask for a link, read it from the captured e-mail, use it.</summary>
public static partial class PortalApi
{
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

    [GeneratedRegex("jeton=([A-Za-z0-9_-]+)")]
    private static partial Regex Token();
}
