using System.Text.Json;
using Approvals.Testing;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// The portal's routes (issue 16: "in the OpenAPI document and in the Function App"): the routes and methods under
/// <c>/api/portal</c> and <c>/api/portal-inbox</c> that the server's OpenAPI document describes are those of the
/// Function App's HTTP triggers, read from the <c>functions.metadata</c> its build generates.
/// </summary>
public sealed class PortalRoutesTests
{
    [Fact]
    public async Task GivenTheOpenApiDocumentAndTheFunctionApp_WhenTheirPortalRoutesAreListed_ThenTheyAreTheSame()
    {
        var functionRoutes = FunctionsMetadata.Read()
            .SelectMany(f => f.Bindings.Where(b => b.Type == "httpTrigger" && b.Route?.StartsWith("portal", StringComparison.Ordinal) == true))
            .SelectMany(b => (b.Methods ?? []).Select(m => $"{m.ToUpperInvariant()} /api/{b.Route}"))
            .ToHashSet();

        await using var server = await ApprovalsServerHost.StartAsync(DateTimeOffset.Parse("2026-03-02T09:00:00Z"));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/portal", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        Assert.Equal("", string.Join(", ", documented.Except(functionRoutes).Order()));
        Assert.Equal("", string.Join(", ", functionRoutes.Except(documented).Order()));
        Assert.Contains("POST /api/portal/dossiers/{id}/report", documented);
        Assert.Contains("POST /api/portal/dossiers/{id}/report/documents", documented);
    }
}
