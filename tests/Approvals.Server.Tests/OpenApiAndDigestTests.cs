using System.Net;
using System.Text.Json;
using Approvals.Api;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Server.Tests;

/// <summary>The API's reference is served, and the daily digest goes out to finance on its cron schedule (Paris time).</summary>
public sealed class OpenApiAndDigestTests : IAsyncLifetime
{
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() =>
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 6, 30, 4, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_openapi_document_lists_every_command_route_and_the_reference_page_is_served()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var document = await client.GetStringAsync("/openapi/v1.json");
        var reference = await client.GetAsync("/scalar");

        Assert.Contains("/api/dossiers/{id}/vote", document);
        Assert.Contains("/api/dossiers/{id}/payment-requests", document);
        Assert.Contains("/api/dossiers/{id}/documents", document);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    /// <summary>
    /// Issue 17 item 2 for the documents and the portal: their handlers' typed results put every answer in the document,
    /// with its schema. The statuses are those each route's tests see it answer (docs/api.md), written out here by hand.
    /// </summary>
    [Theory]
    [InlineData("/api/dossiers/{id}/documents", "post", "201 200 401 403 404 413 415 422 503", "DocumentView")]
    [InlineData("/api/dossiers/{id}/documents", "get", "200 401 403 404", "DocumentView")]
    [InlineData("/api/dossiers/{id}/documents/{documentId}", "get", "302 401 404", null)]
    [InlineData("/api/portal/sign-in", "post", "202 400 415 422 429 503", "LinkSent")]
    [InlineData("/api/portal/session", "post", "200 401 415 429", "Me")]
    [InlineData("/api/portal/session", "delete", "204", null)]
    [InlineData("/api/portal/me", "get", "200 401", "Me")]
    [InlineData("/api/portal/draft", "get", "200 204 401", null)]
    [InlineData("/api/portal/draft", "put", "204 400 401 415 422", null)]
    [InlineData("/api/portal/requests", "post", "201 400 401 415 422 503", "Submitted")]
    [InlineData("/api/portal/dossiers", "get", "200 401", "Summary")]
    [InlineData("/api/portal/dossiers/{id}", "get", "200 401 404", "PublicDossier")]
    [InlineData("/api/portal/dossiers/{id}/documents", "post", "201 200 401 404 413 415 422", "DocumentView")]
    [InlineData("/api/portal/dossiers/{id}/payment-request", "post", "200 400 401 404 409 415 422", "PublicDossier")]
    [InlineData("/api/portal/dossiers/{id}/documents-answer", "post", "200 400 401 404 409 415 422", "PublicDossier")]
    [InlineData("/api/portal/dossiers/{id}/acknowledgment", "get", "200 401 404", null)]
    [InlineData("/api/portal/dossiers/{id}/report", "get", "200 401 404", "PublicReport")]
    [InlineData("/api/portal/dossiers/{id}/report", "post", "200 400 401 404 409 415 422", "PublicReport")]
    [InlineData("/api/portal/dossiers/{id}/report/documents", "post", "201 200 401 404 413 415 422", "DocumentView")]
    [InlineData("/api/portal-inbox", "get", "200", "InboxItem")]
    [InlineData("/api/portal-inbox/{id}/check", "post", "200 400 401 403 404 415 422", "InboxItem")]
    public async Task GivenTheOpenApiDocument_WhenADocumentOrPortalRouteIsRead_ThenItListsItsResponsesAndTheirSchema(string path, string method, string statuses, string? schema)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();

        foreach (var status in statuses.Split(' '))
        {
            Assert.True(responses.Contains(status), $"{method} {path} does not list {status}: {string.Join(" ", responses)}");
        }

        if (schema is not null)
        {
            Assert.Contains($"/{schema}\"", operation.GetProperty("responses").GetProperty(statuses.Split(' ')[0]).GetRawText());
        }

        if (method is "post" or "put")
        {
            Assert.True(operation.TryGetProperty("requestBody", out _), $"{method} {path} does not document its body");
        }
    }

    /// <summary>
    /// Issue 17 item 2: the operations, identity and programme routes return typed results, so the document lists each
    /// answer with its media type and schema: the success, and the problems (401, 403, and the route's own refusal).
    /// </summary>
    [Fact]
    public async Task GivenTheOpenApiDocument_WhenTheOperationsRoutesAreRead_ThenEachListsItsAnswerAndItsProblemsWithTheirSchemas()
    {
        (string Path, string Method, string Success, string? SuccessType, string? Refusal)[] routes =
        [
            ("/api/deadlines", "get", "200", "application/json", "422"),
            ("/api/outbox/failed", "get", "200", "application/json", null),
            ("/api/outbox/{dossierId}/{itemId}/retry", "post", "200", "application/json", "409"),
            ("/api/clocks", "get", "200", "application/json", "422"),
            ("/api/clocks/{id}/restart", "post", "202", "application/json", "404"),
            ("/api/me", "get", "200", "application/json", null),
            ("/api/role-assignments", "get", "200", "application/json", null),
            ("/api/role-assignments/{person}", "put", "200", "application/json", "422"),
            ("/api/role-assignments/{person}", "delete", "204", null, "404"),
            ("/api/role-audit", "get", "200", "application/json", null),
            ("/api/programmes", "get", "200", "application/json", null),
            ("/api/programmes", "post", "201", "application/json", "409"),
            ("/api/programmes/{id}", "get", "200", "application/json", "404"),
            ("/api/programmes/{id}/chart.svg", "get", "200", "image/svg+xml", "404"),
            ("/api/mailbox", "get", "200", "application/json", null),
            ("/api/mailbox/{id}", "get", "200", "application/json", "404"),
        ];
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.All(routes, route =>
        {
            Assert.True(paths.TryGetProperty(route.Path, out var item) || paths.TryGetProperty(route.Path + "/", out item), $"{route.Path} is not in the document.");
            var responses = item.GetProperty(route.Method).GetProperty("responses");
            var answer = responses.GetProperty(route.Success);
            if (route.SuccessType is null)
            {
                Assert.False(answer.TryGetProperty("content", out _), $"{route.Method} {route.Path}: {route.Success} has a body.");
            }
            else
            {
                Assert.True(answer.GetProperty("content").GetProperty(route.SuccessType).TryGetProperty("schema", out _), $"{route.Method} {route.Path}: no schema for {route.Success}.");
            }

            foreach (var status in new[] { "401", "403", route.Refusal }.OfType<string>())
            {
                Assert.True(responses.TryGetProperty(status, out var problem), $"{route.Method} {route.Path}: {status} is not listed.");
                Assert.Contains("ProblemBody", problem.GetProperty("content").GetProperty(ApiProblem.ContentType).GetProperty("schema").GetRawText(), StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public async Task The_daily_digest_goes_to_finance_at_seven_in_Paris_on_a_weekday()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request)).StatusCode);

        // Thursday 30 June 2022, 04:00 UTC = 06:00 in Paris: nothing yet; 05:00 UTC = 07:00 in Paris: the digest.
        await Task.Delay(300);
        Assert.DoesNotContain(host.Mail.Requests, r => r.Subject?.StartsWith("Échéances", StringComparison.Ordinal) == true);
        host.Time.Advance(TimeSpan.FromHours(1));

        var digest = await WaitForAsync(() => host.Mail.Requests.FirstOrDefault(r => r.Subject?.StartsWith("Échéances", StringComparison.Ordinal) == true));
        Assert.Equal(ApprovalsServerHost.FinanceRecipients.Order(), digest.To.Order());
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("Timed out waiting.");
    }
}
