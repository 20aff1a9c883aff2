using System.Net;
using System.Text;
using System.Text.Json;
using Approvals.Api;
using Approvals.Application;
using Approvals.Storage;
using Approvals.Testing;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Server.Tests;

/// <summary>
/// Issue 17 point 2 (authorisation part): roles live in endpoint metadata, and the fallback policy closes any endpoint
/// that declares none. Shown on an application wired exactly as the server is (<see cref="ApprovalsSecurity"/>), with a
/// route that forgot its roles, and on the real server, whose every endpoint must declare roles or be public on purpose.
/// </summary>
public sealed class EndpointRolesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task GivenAnEndpointThatForgotItsRoles_WhenAnyoneCallsIt_ThenItIsRefused()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();

        var declared = await SendAsync(client, "/declared", "Finance");
        var forgotten = await SendAsync(client, "/forgotten", "Finance");
        var forgottenAnonymous = await SendAsync(client, "/forgotten", role: null);
        var wrongRole = await SendAsync(client, "/declared", "Reader");
        var anonymous = await SendAsync(client, "/declared", role: null);

        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal("identity.undeclared", await CodeAsync(forgotten, HttpStatusCode.Forbidden));
        Assert.Equal("identity.undeclared", await CodeAsync(forgottenAnonymous, HttpStatusCode.Forbidden));
        Assert.Equal("identity.role", await CodeAsync(wrongRole, HttpStatusCode.Forbidden));
        Assert.Equal("identity.missing", await CodeAsync(anonymous, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(client, "/no-such-route", "Finance")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await SendAsync(client, "/declared", "Finance", HttpMethod.Delete)).StatusCode);
    }

    [Fact]
    public async Task GivenTheServer_WhenItsEndpointsAreListed_ThenEachDeclaresItsRolesOrIsPublicOnPurpose()
    {
        await using var host = await ApprovalsServerHost.StartAsync(LifecycleApiTests.Paris(2022, 5, 3));

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null);
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText!).ToList();

        Assert.Empty(undeclared.Select(e => e.RoutePattern.RawText));
        // Only signing in to the beneficiaries' portal is public in the API; its other routes declare the portal's session.
        Assert.Equal(["/api/portal/session", "/api/portal/session", "/api/portal/sign-in"],
            anonymous.Where(pattern => pattern.StartsWith("/api", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var portal = endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/api/portal/", StringComparison.Ordinal) && e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.Equal(14, portal.Count);
        Assert.All(portal, e => Assert.Contains(e.Metadata.GetOrderedMetadata<AuthorizationPolicy>(), p => p.Requirements.Any(r => r is PortalSignedIn)));
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/dossiers/{id}/vote"
            && e.Metadata.GetMetadata<IAuthorizeData>() is not null);
    }

    private async Task<WebApplication> StartAsync()
    {
        // Authentication reads the caller's role assignments and places them in an authority, from the authorities' table.
        var storage = new StorageOptions { ConnectionString = azurite.ConnectionString };
        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.CreateTableIfNotExistsAsync(storage.AuthoritiesTable);
        await tables.CreateTableIfNotExistsAsync(storage.RoleAssignmentsTable);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(new AuthorityDirectory(new TableAuthorityStore(tables, Options.Create(storage)), new GrantingAuthority("principale", "Collectivité", ""), TimeProvider.System));
        builder.Services.AddSingleton<IRoleAssignments>(new TableRoleAssignments(tables, Options.Create(storage)));
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(new IdentityOptions { TrustAppServiceHeaders = true });
        builder.Services.AddApprovalsSecurity();
        var app = builder.Build();
        app.UseApprovalsSecurity(hsts: false);
        app.MapGet("/declared", () => "ok").RequireRoles([Role.Finance]);
        app.MapGet("/forgotten", () => "everything");
        await app.StartAsync();
        return app;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? role, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add(RequestOrigin.Header, "1");
        if (role is not null)
        {
            var principal = $"{{\"claims\":[{{\"typ\":\"name\",\"val\":\"Paul Trésor\"}},{{\"typ\":\"roles\",\"val\":\"{role}\"}}]}}";
            request.Headers.Add(AppServicePrincipal.Header, Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));
        }

        return client.SendAsync(request);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("type").GetString()!.Split('/')[^1];
    }
}
