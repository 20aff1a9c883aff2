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
