using Approvals.Api;
using Approvals.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// The Function App and the server expose the same API: the routes and methods of the Function App's HTTP triggers,
/// read from the <c>functions.metadata</c> its build generates, against the server's endpoints.
/// </summary>
public sealed class FunctionAppRouteTests
{
    [Fact]
    public async Task GivenBothHosts_WhenTheirRoutesAreListed_ThenTheyExposeTheSameRoutesAndMethods()
    {
        var functions = FunctionsMetadata.Read();
        var functionRoutes = functions
            .SelectMany(f => f.Bindings.Where(b => b.Type == "httpTrigger"))
            .SelectMany(b => (b.Methods ?? []).Select(m => Route(m, "/api/" + b.Route)))
            .ToHashSet();

        await using var server = await ApprovalsServerHost.StartAsync(DateTimeOffset.Parse("2026-03-02T09:00:00Z"), environment: "Production");
        var serverRoutes = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => Route(m, e.RoutePattern.RawText!)))
            .ToHashSet();

        Assert.Equal("", string.Join(", ", serverRoutes.Except(functionRoutes).Order()));
        Assert.Equal("", string.Join(", ", functionRoutes.Except(serverRoutes).Order()));
        Assert.True(serverRoutes.Count >= 40, $"Only {serverRoutes.Count} API routes found on the server.");
    }

    /// <summary>Issue 17 point 1: each command's trigger is named after the command record of its table entry and serves that entry's segment.</summary>
    [Fact]
    public void GivenTheCommandTable_WhenTheFunctionAppsCommandTriggersAreRead_ThenEachIsNamedAfterItsCommandAndServesItsSegment()
    {
        var functions = FunctionsMetadata.Read()
            .SelectMany(f => f.Bindings.Where(b => b.Type == "httpTrigger").Select(b => (f.Name, Routes: (b.Methods ?? []).Select(m => Route(m, "/api/" + b.Route)).ToList())))
            .ToDictionary(f => f.Name, f => f.Routes);

        Assert.All(CommandRoutes.All, route =>
        {
            Assert.True(functions.TryGetValue(route.Name, out var served), $"No function named {route.Name}.");
            Assert.Equal([Route("post", $"/api/dossiers/{{id}}/{route.Segment}")], served);
        });
    }

    [Fact]
    public void GivenTheFunctionApp_WhenItsMetadataIsRead_ThenItHasOneOrchestratorItsActivitiesAndItsTimers()
    {
        var triggers = FunctionsMetadata.Read()
            .SelectMany(f => f.Bindings.Where(b => b.Direction == "In" && b.Type.EndsWith("Trigger", StringComparison.Ordinal)).Select(b => (f.Name, b.Type)))
            .ToList();

        Assert.Equal(["DossierClockOrchestrator"], triggers.Where(t => t.Type == "orchestrationTrigger").Select(t => t.Name));
        Assert.Equal(["FireDeadline", "NextDeadline"], triggers.Where(t => t.Type == "activityTrigger").Select(t => t.Name).Order());
        Assert.Equal(["ReconcileClocks", "ReconcileLedger", "SendDigest", "SweepOrphanDocuments", "SweepOutbox"], triggers.Where(t => t.Type == "timerTrigger").Select(t => t.Name).Order());
    }

    /// <summary>The server's groups map their root as <c>/api/dossiers/</c>; the trailing slash is routed the same way.</summary>
    private static string Route(string method, string route) => $"{method.ToUpperInvariant()} {route.TrimEnd('/').ToLowerInvariant()}";
}
